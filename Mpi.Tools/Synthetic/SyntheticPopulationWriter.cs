using Mpi.Service.Csv;

namespace Mpi.Tools.Synthetic;

/// <summary>
/// Writes a synthetic population into a directory: <c>records.csv</c> (the canonical columns), <c>truth.csv</c>
/// (<c>registry,local_id,person</c>, the truth format of the FEBRL files under Mpi.Tests/TestData) and <c>traps.csv</c>
/// (<c>person,trap,related_person</c> for each look-alike person, to tell which false links were traps).
/// </summary>
public static class SyntheticPopulationWriter
{
    public const string RecordsFileName = "records.csv";
    public const string TruthFileName = "truth.csv";
    public const string TrapsFileName = "traps.csv";

    public static SyntheticPopulationSummary Write(IEnumerable<SyntheticRecord> records, string directory)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentException.ThrowIfNullOrEmpty(directory);
        Directory.CreateDirectory(directory);

        using var recordsFile = CanonicalCsvWriter.Create(Path.Combine(directory, RecordsFileName));
        using var truthFile = CsvWriter.Create(Path.Combine(directory, TruthFileName));
        using var trapsFile = CsvWriter.Create(Path.Combine(directory, TrapsFileName));
        truthFile.WriteRow("registry", "local_id", "person");
        trapsFile.WriteRow("person", "trap", "related_person");

        int count = 0, persons = 0, duplicates = 0;
        var trapCounts = new int[Enum.GetValues<SyntheticTrap>().Length];
        foreach (var synthetic in records)
        {
            var record = synthetic.Record;
            recordsFile.Write(record);
            truthFile.WriteRow(record.Registry, record.LocalId, synthetic.PersonId);
            count++;
            if (synthetic.IsDuplicate)
            {
                duplicates++;
                continue;
            }

            persons++;
            if (synthetic.Trap != SyntheticTrap.None)
            {
                trapCounts[(int)synthetic.Trap]++;
                trapsFile.WriteRow(synthetic.PersonId, TrapName(synthetic.Trap), synthetic.RelatedPersonId);
            }
        }

        return new SyntheticPopulationSummary(
            count, persons, duplicates,
            trapCounts[(int)SyntheticTrap.Household], trapCounts[(int)SyntheticTrap.Twin],
            trapCounts[(int)SyntheticTrap.FatherSon], trapCounts[(int)SyntheticTrap.Namesake]);
    }

    /// <summary>The trap as written in traps.csv: household, twin, father_son, namesake.</summary>
    public static string TrapName(SyntheticTrap trap) => trap switch
    {
        SyntheticTrap.Household => "household",
        SyntheticTrap.Twin => "twin",
        SyntheticTrap.FatherSon => "father_son",
        SyntheticTrap.Namesake => "namesake",
        _ => "none",
    };
}
