using BenchmarkDotNet.Attributes;
using Mpi.Matching.Normalization;
using Mpi.Matching.Records;

namespace Mpi.Benchmarks;

/// <summary>
/// Normalising a received record, the first phase of dedupe (a million records) and the first step of every
/// Register and Match: a clean record, one in another registry's formats, one with titles, diacritics and
/// placeholders to set aside. Batch asks only for the receipts of fields set aside; the service for every field's.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(LatencyColumnsConfig))]
public class NormalizationBenchmarks
{
    private static readonly PatientRecord[] Records =
    [
        new("NORTH_HOSP", "N-000417")
        {
            GivenName = "MARGARET", FamilyName = "THOMPSON", BirthDate = "1961-07-14", Sex = "F", AddressLine = "12 WALLABY PL",
            City = "DUBBO", State = "NSW", PostalCode = "2830", Phone = "0268821234", NationalId = "472198830",
        },
        new("SOUTH_LAB", "L88213")
        {
            GivenName = "Pepe", MiddleName = "Luis", FamilyName = "van der Berg", BirthDate = "03/04/1985", Sex = "male",
            AddressLine = "Unit 4, 27 Quandong Street", AddressLine2 = "Jemalong Retirement Village", City = "Forbes", PostalCode = "2871",
            Phone = "(02) 6855-0142", Email = "Pepe.VanDerBerg@Example.org", NationalId = "472-19-8830",
        },
        new("PHARMACY", "RX-9")
        {
            GivenName = "Dr José", FamilyName = "García Jr", BirthDate = "19000101", Sex = "U", AddressLine = "UNKNOWN",
            City = "Orange", PostalCode = "0000", Phone = "0000000000", Email = "none@none.com", NationalId = "123456789",
        },
    ];

    private readonly RecordNormalizer _normalizer = new(TimeProvider.System);

    [Benchmark(Baseline = true)]
    public int ReceiptPerField()
    {
        var receipts = 0;
        foreach (var record in Records) receipts += _normalizer.Normalize(record).Receipts.Length;
        return receipts;
    }

    [Benchmark]
    public int SetAsideReceiptsOnly()
    {
        var receipts = 0;
        foreach (var record in Records) receipts += _normalizer.Normalize(record, ReceiptDetail.SetAsideOnly).Receipts.Length;
        return receipts;
    }
}
