using Mpi.Matching.Records;

namespace Mpi.Service.Csv;

/// <summary>
/// Writes patient records as a canonical CSV file: the header <see cref="CanonicalColumns.InFiles"/>, then one row per
/// record, quoted where needed. What it writes, <see cref="CanonicalCsvReader"/> reads back (values trimmed).
/// </summary>
public sealed class CanonicalCsvWriter : IDisposable
{
    private readonly CsvWriter _csv;

    public CanonicalCsvWriter(TextWriter writer, bool leaveOpen = false)
        : this(new CsvWriter(writer, leaveOpen))
    {
    }

    private CanonicalCsvWriter(CsvWriter csv)
    {
        _csv = csv;
        _csv.WriteRow(CanonicalColumns.InFiles);
    }

    /// <summary>Creates (or overwrites) a UTF-8 file and writes the header.</summary>
    public static CanonicalCsvWriter Create(string path) => new(CsvWriter.Create(path));

    public void Write(PatientRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        _csv.WriteRow(
            record.Registry, record.LocalId, record.GivenName, record.MiddleName, record.FamilyName, record.Suffix,
            record.BirthDate, record.Sex, record.AddressLine, record.AddressLine2, record.City, record.State,
            record.PostalCode, record.Phone, record.Email, record.NationalId, IdentifiersField.Format(record.Identifiers));
    }

    public void Flush() => _csv.Flush();

    public void Dispose() => _csv.Dispose();
}
