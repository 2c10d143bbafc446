using CsCheck;
using Mpi.Matching.Records;
using Mpi.Service.Csv;

namespace Mpi.Tests.Service.Csv;

public sealed class CanonicalCsvRoundTripTests
{
    /// <summary>Any UTF-16 text without NUL or lone surrogates, biased towards the characters CSV must escape.</summary>
    private static readonly Gen<string> AnyText = Gen.Frequency(
            (3, Gen.Char['\u0001', '\uD7FF']),
            (3, Gen.Char[",\"\r\n \t"]),
            (1, Gen.Char['\uE000', '\uFFFF']),
            (2, Gen.Char['a', 'z']))
        .Array[0, 20]
        .SelectMany(chars => Gen.Int[0, 2].Select(astral => astral == 0 ? new string(chars) + "\U0001F600" : new string(chars)));

    private static readonly Gen<string> AnyKey = AnyText.Where(text => !string.IsNullOrWhiteSpace(text));

    private static readonly Gen<string?> AnyOptional = Gen.Frequency((1, Gen.Const((string?)null)), (4, AnyText.Select(text => (string?)text)));

    private static readonly Gen<PatientRecord> AnyRecord =
        Gen.Select(AnyKey, AnyKey, AnyOptional.Array[14, 14], (registry, localId, v) => new PatientRecord(registry, localId)
        {
            GivenName = v[0], MiddleName = v[1], FamilyName = v[2], Suffix = v[3], BirthDate = v[4], Sex = v[5],
            AddressLine = v[6], AddressLine2 = v[7], City = v[8], State = v[9], PostalCode = v[10], Phone = v[11],
            Email = v[12], NationalId = v[13],
        });

    [Fact]
    public void WriteThenOpen_ArbitraryRecords_ReadsBackTheTrimmedValues()
    {
        using var directory = new TemporaryDirectory();

        AnyRecord.Array[0, 8].Sample(records =>
        {
            // CsCheck samples on several threads at once: one file per sample.
            var path = directory.Combine($"{Guid.NewGuid():N}.csv");
            using (var writer = CanonicalCsvWriter.Create(path))
            {
                foreach (var record in records)
                {
                    writer.Write(record);
                }
            }

            var result = CanonicalCsvReader.Open(path, CsvReadOptions.Default);
            Assert.True(result.Succeeded, result.Error);
            var rows = result.Rows.ToList();
            Assert.All(rows, row => Assert.True(row.Succeeded, row.Error));
            Assert.Equal(records.Select(Trimmed), rows.Select(row => row.Record!));
        }, iter: 300);
    }

    private static PatientRecord Trimmed(PatientRecord r) => new(r.Registry.Trim(), r.LocalId.Trim())
    {
        GivenName = Trim(r.GivenName), MiddleName = Trim(r.MiddleName), FamilyName = Trim(r.FamilyName),
        Suffix = Trim(r.Suffix), BirthDate = Trim(r.BirthDate), Sex = Trim(r.Sex), AddressLine = Trim(r.AddressLine),
        AddressLine2 = Trim(r.AddressLine2), City = Trim(r.City), State = Trim(r.State), PostalCode = Trim(r.PostalCode),
        Phone = Trim(r.Phone), Email = Trim(r.Email), NationalId = Trim(r.NationalId),
    };

    private static string? Trim(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
