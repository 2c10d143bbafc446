using Mpi.Matching.Normalization;
using Mpi.Matching.Records;

namespace Mpi.Tests.Matching.Normalization;

public class NormalizedRecordSharingTests
{
    private static NormalizedRecord Sample() => new RecordNormalizer(TimeProvider.System).Normalize(new PatientRecord("NORTH", "N1")
    {
        GivenName = "Mary Jane", MiddleName = "Ann", FamilyName = "O'Brien", Suffix = "Jr", BirthDate = "1985-03-04", Sex = "F",
        AddressLine = "12 Wattle St", City = "Delmar", State = "NSW", PostalCode = "2000", Phone = "0298765432", Email = "mj@example.org",
        NationalId = "401927365",
    }).Record;

    [Fact]
    public void WithSharedValues_CopiesEveryProperty()
    {
        var record = Sample();
        record.GivenNameFrequency = 0.01;
        record.FamilyNameFrequency = 0.002;

        var copy = record.WithSharedValues(v => v);

        // Every public property, so that a property added later cannot be forgotten by the copy.
        foreach (var property in typeof(NormalizedRecord).GetProperties())
        {
            var (expected, actual) = (property.GetValue(record), property.GetValue(copy));
            if (expected is System.Collections.IEnumerable sequence and not string)
                Assert.Equal(sequence.Cast<object>(), ((System.Collections.IEnumerable)actual!).Cast<object>());
            else Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void WithSharedValues_RepeatedValuesComeFromThePool_UniqueOnesAreKept()
    {
        var pool = new Dictionary<string, string>();
        string Share(string value) => pool.TryGetValue(value, out var held) ? held : pool[value] = new string(value);

        var first = Sample().WithSharedValues(Share);
        var second = Sample().WithSharedValues(Share);

        Assert.Same(first.FamilyName, second.FamilyName);
        Assert.Same(first.BirthDigits, second.BirthDigits);
        Assert.Same(first.PostalCode, second.PostalCode);
        Assert.NotSame(first.Phone, second.Phone);
    }
}
