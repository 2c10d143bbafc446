using Mpi.Contracts.V1;
using Mpi.Tests.Service.Grpc;

namespace Mpi.Tests.Service.Persons;

/// <summary>
/// Evidence kept with every scored link (issue 15, item 3): GetPerson's history answers "why was this linked" from
/// what was stored when it was decided — the comparisons, the probability, the guard, the compared record and both
/// versions — and a record updated since does not change it.
/// </summary>
public sealed class LinkEvidenceTests(RunningService service) : IClassFixture<RunningService>
{
    private RegistrationService.RegistrationServiceClient Registration => new(service.Channel);
    private PersonService.PersonServiceClient Persons => new(service.Channel);

    private static RegisterRequest Request(string registry, string localId, string address, string nationalId, string city = "Geraldton",
        string postal = "6530") => new()
    {
        Key = new RecordKey { Registry = registry, LocalId = localId },
        Demographics = new Demographics
        {
            GivenName = "Leontyne", FamilyName = "Abernethy", BirthDate = "1958-11-23", Sex = "F", AddressLine = address, City = city, PostalCode = postal,
            NationalId = nationalId,
        },
    };

    private async Task<LinkHistoryEntry> LinkOfAsync(string registry, string localId)
    {
        var person = await Persons.GetPersonAsync(new GetPersonRequest { Record = new RecordKey { Registry = registry, LocalId = localId }, Reason = "test" });
        return person.History.Last(h => h.Record.LocalId == localId && h.Kind != LinkEventKind.Updated);
    }

    [Fact]
    public async Task GetPerson_AnEngineLink_ShowsTheEvidenceAsDecided_EvenAfterTheComparedRecordChanged()
    {
        await Registration.RegisterAsync(Request("EVD_N", "N-1", "14 Chapman Road", "472910385"));
        var linked = await Registration.RegisterAsync(Request("EVD_S", "S-1", "14 Chapman Road", "472910385"));
        Assert.True(linked.Decision is Decision.RuleLink or Decision.AutoLink, $"{linked.Decision}");

        var before = await LinkOfAsync("EVD_S", "S-1");
        var updated = await Registration.RegisterAsync(Request("EVD_N", "N-1", "301 Durlacher Street", "472910385", "Bluff Point", "6530"));
        var after = await LinkOfAsync("EVD_S", "S-1");

        Assert.Equal(Decision.Updated, updated.Decision);
        Assert.Equal(linked.Explanation, before.Evidence);
        Assert.Equal(("EVD_N", "N-1", 1L, 1L), (before.ComparedRecord.Registry, before.ComparedRecord.LocalId, before.ComparedRecordVersion, before.EvidenceRecordVersion));
        Assert.Equal(before, after); // the stored evidence, not a recomputation against the updated record
        Assert.Contains(after.Evidence.Comparisons, c => c.Comparison == "location" && c.Weight > 0);
    }

    [Fact]
    public async Task GetPerson_AReviewersLink_KeepsTheEvidenceTheTaskShowedForTheChosenCandidate()
    {
        var first = await Registration.RegisterAsync(Request("EVD_N", "N-2", "9 Karri Court", "518203947", "Perth", "6000"));
        var uncertain = await Registration.RegisterAsync(Request("EVD_S", "S-2", "71 Marri Road", "639120478", "Albany", "6330"));
        Assert.Equal(Decision.Review, uncertain.Decision);
        var review = new ReviewService.ReviewServiceClient(service.Channel);
        var task = await review.GetTaskAsync(new GetTaskRequest { TaskId = uncertain.ReviewTaskId });
        var shown = task.Candidates.Single(c => c.Person.PersonId == first.PersonId);

        await review.ResolveTaskAsync(new ResolveTaskRequest
        {
            TaskId = task.TaskId, ExpectedVersion = task.Version, Resolution = Resolution.SamePerson, PersonId = first.PersonId, Reason = "same patient, moved",
        });
        var link = await LinkOfAsync("EVD_S", "S-2");

        Assert.Equal(LinkEventKind.ReviewerLink, link.Kind);
        Assert.Equal(shown.Explanation, link.Evidence);
        Assert.Equal(shown.Probability, link.Probability);
        Assert.Equal("N-2", link.ComparedRecord.LocalId);
    }

    [Fact]
    public async Task GetPerson_AStewardsLink_HasNoScoreEvidence()
    {
        var a = await Registration.RegisterAsync(Request("EVD_N", "N-3", "5 Sutton Street", "720193845", "Carnarvon", "6701"));
        var b = await Registration.RegisterAsync(new RegisterRequest
        {
            Key = new RecordKey { Registry = "EVD_S", LocalId = "S-3" },
            Demographics = new Demographics { GivenName = "Bartholomew", FamilyName = "Quince", BirthDate = "1933-03-03", Sex = "M", City = "Broome" },
        });
        var from = await Persons.GetPersonAsync(new GetPersonRequest { PersonId = b.PersonId, Reason = "test" });
        var to = await Persons.GetPersonAsync(new GetPersonRequest { PersonId = a.PersonId, Reason = "test" });
        await Persons.LinkAsync(new LinkRequest
        {
            Record = new RecordKey { Registry = "EVD_S", LocalId = "S-3" }, ToPersonId = a.PersonId, ExpectedFromPersonVersion = from.Version,
            ExpectedToPersonVersion = to.Version, Reason = "steward knows",
        });

        var link = await LinkOfAsync("EVD_S", "S-3");

        Assert.Equal(LinkEventKind.StewardLink, link.Kind);
        Assert.Null(link.Evidence);
        Assert.Null(link.ComparedRecord);
    }
}
