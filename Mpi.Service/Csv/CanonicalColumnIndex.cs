using Mpi.Matching.Records;

namespace Mpi.Service.Csv;

/// <summary>The position of each canonical column in <see cref="CanonicalColumns.InFiles"/>.</summary>
internal static class CanonicalColumnIndex
{
    public static readonly int Registry = CsvHeaderBinding.IndexOf(CanonicalColumns.Registry);
    public static readonly int LocalId = CsvHeaderBinding.IndexOf(CanonicalColumns.LocalId);
    public static readonly int GivenName = CsvHeaderBinding.IndexOf(CanonicalColumns.GivenName);
    public static readonly int MiddleName = CsvHeaderBinding.IndexOf(CanonicalColumns.MiddleName);
    public static readonly int FamilyName = CsvHeaderBinding.IndexOf(CanonicalColumns.FamilyName);
    public static readonly int Suffix = CsvHeaderBinding.IndexOf(CanonicalColumns.Suffix);
    public static readonly int BirthDate = CsvHeaderBinding.IndexOf(CanonicalColumns.BirthDate);
    public static readonly int Sex = CsvHeaderBinding.IndexOf(CanonicalColumns.Sex);
    public static readonly int AddressLine = CsvHeaderBinding.IndexOf(CanonicalColumns.AddressLine);
    public static readonly int AddressLine2 = CsvHeaderBinding.IndexOf(CanonicalColumns.AddressLine2);
    public static readonly int City = CsvHeaderBinding.IndexOf(CanonicalColumns.City);
    public static readonly int State = CsvHeaderBinding.IndexOf(CanonicalColumns.State);
    public static readonly int PostalCode = CsvHeaderBinding.IndexOf(CanonicalColumns.PostalCode);
    public static readonly int Phone = CsvHeaderBinding.IndexOf(CanonicalColumns.Phone);
    public static readonly int Email = CsvHeaderBinding.IndexOf(CanonicalColumns.Email);
    public static readonly int NationalId = CsvHeaderBinding.IndexOf(CanonicalColumns.NationalId);
    public static readonly int Identifiers = CsvHeaderBinding.IndexOf(CanonicalColumns.Identifiers);
}
