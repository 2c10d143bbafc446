using Mpi.Service.Persistence;
using Mpi.Service.Persistence.Entities;

namespace Mpi.Tests.Service.Persistence;

/// <summary>The review queue's, the history's and the audit's enums are stored as the first schema's words, and every value reads back as itself.</summary>
public sealed class StoredWordsTests
{
    [Theory]
    [InlineData(TaskState.Open, "open")]
    [InlineData(TaskState.Claimed, "claimed")]
    [InlineData(TaskState.Resolved, "resolved")]
    public void TaskState_IsStoredAsItsWordAndReadBack(TaskState state, string word)
    {
        Assert.Equal(word, StoredWords.Of(state));
        Assert.Equal(state, StoredWords.TaskStateOf(word));
    }

    [Theory]
    [InlineData(ReviewResolutionKind.SamePerson, "same_person")]
    [InlineData(ReviewResolutionKind.DifferentPerson, "different_person")]
    [InlineData(ReviewResolutionKind.MergePersons, "merge_persons")]
    public void Resolution_IsStoredAsItsWordAndReadBack(ReviewResolutionKind resolution, string word)
    {
        Assert.Equal(word, StoredWords.Of(resolution));
        Assert.Equal(resolution, StoredWords.ResolutionOf(word));
    }

    [Theory]
    [InlineData(LinkKind.New, "new")]
    [InlineData(LinkKind.Updated, "updated")]
    [InlineData(LinkKind.RuleLink, "rule_link")]
    [InlineData(LinkKind.AutoLink, "auto_link")]
    [InlineData(LinkKind.ReviewerLink, "reviewer_link")]
    [InlineData(LinkKind.StewardLink, "steward_link")]
    [InlineData(LinkKind.StewardMerge, "steward_merge")]
    [InlineData(LinkKind.AutoMerge, "auto_merge")]
    [InlineData(LinkKind.Unlink, "unlink")]
    [InlineData(LinkKind.Unmerge, "unmerge")]
    public void LinkKind_IsStoredAsItsWordAndReadBack(LinkKind kind, string word)
    {
        Assert.Equal(word, StoredWords.Of(kind));
        Assert.Equal(kind, StoredWords.LinkKindOf(word));
    }

    [Fact]
    public void EveryEnumValue_HasAWord()
    {
        Assert.All(Enum.GetValues<TaskState>(), s => Assert.Equal(s, StoredWords.TaskStateOf(StoredWords.Of(s))));
        Assert.All(Enum.GetValues<ReviewResolutionKind>(), r => Assert.Equal(r, StoredWords.ResolutionOf(StoredWords.Of(r))));
        Assert.All(Enum.GetValues<LinkKind>(), k => Assert.Equal(k, StoredWords.LinkKindOf(StoredWords.Of(k))));
        Assert.All(Enum.GetValues<AuditAction>(), a => Assert.Equal(a, StoredWords.AuditActionOf(StoredWords.Of(a))));
    }

    /// <summary>The audit table's actions keep the words of the rows written before they were an enum.</summary>
    [Theory]
    [InlineData(AuditAction.Register, "register")]
    [InlineData(AuditAction.ReadPerson, "read_person")]
    [InlineData(AuditAction.ResolveReview, "resolve_review")]
    [InlineData(AuditAction.TrainModel, "train_model")]
    [InlineData(AuditAction.LearnModel, "learn_model")]
    [InlineData(AuditAction.ActivateModel, "activate_model")]
    [InlineData(AuditAction.SignIn, "sign_in")]
    public void AuditAction_IsStoredAsItsWordAndReadBack(AuditAction action, string word)
    {
        Assert.Equal(word, StoredWords.Of(action));
        Assert.Equal(action, StoredWords.AuditActionOf(word));
    }

    [Fact]
    public void AnAuditFilterWord_ThatNamesNoAction_FindsNone() => Assert.Null(StoredWords.FindAuditAction("match"));

    [Fact]
    public void AnUnknownWord_IsRefusedByName() =>
        Assert.Contains("'pending'", Assert.Throws<InvalidDataException>(() => StoredWords.TaskStateOf("pending")).Message);
}
