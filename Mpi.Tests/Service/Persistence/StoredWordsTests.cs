using Mpi.Service.Persistence;
using Mpi.Service.Review;

namespace Mpi.Tests.Service.Persistence;

/// <summary>The review queue's enums are stored as the first schema's words, and every value reads back as itself.</summary>
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

    [Fact]
    public void EveryEnumValue_HasAWord() =>
        Assert.All(Enum.GetValues<TaskState>(), s => Assert.Equal(s, StoredWords.TaskStateOf(StoredWords.Of(s))));

    [Fact]
    public void AnUnknownWord_IsRefusedByName() =>
        Assert.Contains("'pending'", Assert.Throws<InvalidDataException>(() => StoredWords.TaskStateOf("pending")).Message);
}
