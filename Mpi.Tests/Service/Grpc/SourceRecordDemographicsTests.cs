using Google.Protobuf.Reflection;
using Mpi.Contracts.V1;

namespace Mpi.Tests.Service.Grpc;

/// <summary>
/// A source record read back (GetPerson, a review task's incoming record) shows its demographics normalised as
/// stored, as SourceRecordView promises, and its receipts say what was received (issue: hardening). Real gRPC.
/// </summary>
public sealed class SourceRecordDemographicsTests(RunningService service) : IClassFixture<RunningService>
{
    private RegistrationService.RegistrationServiceClient Registration => new(service.Channel);

    /// <summary>Values as a registry might send them, every one rewritten by normalisation; the national id is a placeholder.</summary>
    private static Demographics AsSent(string family) => new()
    {
        GivenName = "José", MiddleName = "mary-jane", FamilyName = $"van der {family}", Suffix = "junior", BirthDate = "07/14/1972",
        Sex = "female", AddressLine = "12 Smith Street", City = "delmar", PostalCode = "sw1a 1aa", Phone = "(02) 9876-5432",
        Email = " Jose.VDB@Mail.Net.au ", NationalId = "999999999",
    };

    private static string Value(Demographics d, string field) => (string)Demographics.Descriptor.FindFieldByName(field).Accessor.GetValue(d);

    /// <summary>Every field shows its receipt's stored value (empty when set aside), and every receipt its value as sent.</summary>
    private static void AssertNormalisedWithReceipts(SourceRecordView record, Demographics sent)
    {
        Assert.Equal(
            ("JOSE", "MARY JANE", $"VANDER{record.Key.LocalId[2..].ToUpperInvariant()}", "JR", "1972-07-14", "F", "12 SMITH ST", "DELMAR"),
            (record.Demographics.GivenName, record.Demographics.MiddleName, record.Demographics.FamilyName, record.Demographics.Suffix,
                record.Demographics.BirthDate, record.Demographics.Sex, record.Demographics.AddressLine, record.Demographics.City));
        Assert.Equal(("SW1A1AA", "0298765432", "jose.vdb@mail.net.au"),
            (record.Demographics.PostalCode, record.Demographics.Phone, record.Demographics.Email));
        // The identifiers (a repeated field) have receipts of their own, one per identifier (IdentifierTests).
        foreach (FieldDescriptor field in Demographics.Descriptor.Fields.InFieldNumberOrder().Where(f => !f.IsRepeated))
        {
            var receipt = record.Receipts.SingleOrDefault(r => r.Field == field.Name);
            Assert.Equal(receipt?.Stored ?? "", Value(record.Demographics, field.Name));
            Assert.Equal(Value(sent, field.Name), receipt?.Received ?? "");
        }
    }

    [Fact]
    public async Task GetPerson_RecordSentUnnormalised_ShowsStoredValuesAndReceiptsWithWhatWasSent()
    {
        var sent = AsSent("Berg");
        var registered = await Registration.RegisterAsync(new RegisterRequest { Key = new RecordKey { Registry = "NORTH_HOSP", LocalId = "N-Berg" }, Demographics = sent });

        var person = await new PersonService.PersonServiceClient(service.Channel).GetPersonAsync(
            new GetPersonRequest { PersonId = registered.PersonId, Reason = "clinic visit" });

        var record = Assert.Single(person.Records);
        AssertNormalisedWithReceipts(record, sent);
        Assert.Empty(record.Demographics.NationalId);
        Assert.Contains(record.Receipts, r => r is { Field: "national_id", Outcome: FieldOutcome.SetAside, Received: "999999999" });
        Assert.Equal(person.Golden, record.Demographics);
    }

    [Fact]
    public async Task GetTask_IncomingRecordSentUnnormalised_ShowsStoredValuesAndReceiptsWithWhatWasSent()
    {
        // As the review tests open a task: one name and birth date at two addresses with two national ids.
        var first = AsSent("Hoek");
        (first.NationalId, first.AddressLine, first.City, first.PostalCode, first.Phone, first.Email) =
            (SomeNationalIds.For("N-Hoek"), "9 Karri Court", "Perth", "6000", "", "");
        await Registration.RegisterAsync(new RegisterRequest { Key = new RecordKey { Registry = "NORTH_HOSP", LocalId = "N-Hoek" }, Demographics = first });
        var sent = AsSent("Hoek");
        sent.NationalId = "  " + SomeNationalIds.For("S-Hoek").Insert(3, "-").Insert(6, "-");
        var uncertain = await Registration.RegisterAsync(new RegisterRequest { Key = new RecordKey { Registry = "SOUTH_LAB", LocalId = "S-Hoek" }, Demographics = sent });
        Assert.Equal(Decision.Review, uncertain.Decision);

        var task = await new ReviewService.ReviewServiceClient(service.Channel).GetTaskAsync(new GetTaskRequest { TaskId = uncertain.ReviewTaskId });

        AssertNormalisedWithReceipts(task.Incoming, sent);
        Assert.Equal(SomeNationalIds.For("S-Hoek"), task.Incoming.Demographics.NationalId);
    }
}
