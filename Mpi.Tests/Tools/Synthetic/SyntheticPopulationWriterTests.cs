using Mpi.Service.Csv;
using Mpi.Tools.Synthetic;
using Mpi.Tests.Service.Csv;

namespace Mpi.Tests.Tools.Synthetic;

public sealed class SyntheticPopulationWriterTests
{
    [Fact]
    public void Write_Population_TruthLinesUpWithRecordsRowByRow()
    {
        using var directory = new TemporaryDirectory();
        var options = new SyntheticPopulationOptions { RecordCount = 3_000, Seed = 9 };
        var generated = new SyntheticPopulationGenerator(SomeFrequencyTables.Create(), options).Generate().ToList();

        var summary = SyntheticPopulationWriter.Write(generated, directory.Path);

        var read = CanonicalCsvReader.Open(directory.Combine(SyntheticPopulationWriter.RecordsFileName), CsvReadOptions.Default);
        Assert.True(read.Succeeded, read.Error);
        var rows = read.Rows.ToList();
        Assert.All(rows, row => Assert.True(row.Succeeded, row.Error));
        Assert.Equal(generated.Select(g => g.Record), rows.Select(row => row.Record!));

        var truth = File.ReadAllText(directory.Combine(SyntheticPopulationWriter.TruthFileName)).Split("\r\n");
        Assert.Equal("registry,local_id,person", truth[0]);
        Assert.Equal("", truth[^1]);
        Assert.Equal(
            generated.Select(g => $"{g.Record.Registry},{g.Record.LocalId},{g.PersonId}"),
            truth[1..^1]);
        Assert.Equal(new SyntheticPopulationSummary(
                3_000,
                generated.Count(g => !g.IsDuplicate),
                generated.Count(g => g.IsDuplicate),
                generated.Count(g => !g.IsDuplicate && g.Trap == SyntheticTrap.Household),
                generated.Count(g => !g.IsDuplicate && g.Trap == SyntheticTrap.Twin),
                generated.Count(g => !g.IsDuplicate && g.Trap == SyntheticTrap.FatherSon),
                generated.Count(g => !g.IsDuplicate && g.Trap == SyntheticTrap.Namesake)),
            summary);
    }

    [Fact]
    public void Write_TrapPersons_ListsEachOnceWithItsRelatedPerson()
    {
        using var directory = new TemporaryDirectory();
        var options = new SyntheticPopulationOptions { RecordCount = 3_000, Seed = 4 };
        var generated = new SyntheticPopulationGenerator(SomeFrequencyTables.Create(), options).Generate().ToList();

        SyntheticPopulationWriter.Write(generated, directory.Path);

        var lines = File.ReadAllLines(directory.Combine(SyntheticPopulationWriter.TrapsFileName));
        Assert.Equal("person,trap,related_person", lines[0]);
        var expected = generated
            .Where(g => !g.IsDuplicate && g.Trap != SyntheticTrap.None)
            .Select(g => $"{g.PersonId},{SyntheticPopulationWriter.TrapName(g.Trap)},{g.RelatedPersonId}");
        Assert.Equal(expected, lines[1..]);
    }
}
