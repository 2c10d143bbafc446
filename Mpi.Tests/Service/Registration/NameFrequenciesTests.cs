using Mpi.Matching.Records;
using Mpi.Service.Matching;

namespace Mpi.Tests.Service.Registration;

public class NameFrequenciesTests
{
    private const double GivenU = 0.004;
    private const double FamilyU = 0.005;

    private static NormalizedRecord Named(string given, string family) => new() { Registry = "NORTH", LocalId = $"{given}-{family}", GivenName = given, FamilyName = family };

    [Fact]
    public void Of_EmptyRegistry_IsTheModelsAverage()
    {
        var frequencies = new NameFrequencies();

        Assert.Equal((GivenU, FamilyU), frequencies.Of(Named("ADA", "ZYWIEC"), GivenU, FamilyU));
    }

    [Fact]
    public void Of_CountedNames_LeanOnTheAverageAsPriorRecordsWould()
    {
        var frequencies = new NameFrequencies();
        foreach (var name in new[] { "ADA", "ALAN", "GRACE" }) frequencies.Add(Named(name, "SMITH"));
        frequencies.Add(Named("ADA", "JONES"));

        var (given, family) = frequencies.Of(Named("ADA", "SMITH"), GivenU, FamilyU);
        var (_, unseen) = frequencies.Of(Named("ADA", "ZYWIEC"), GivenU, FamilyU);

        const int k = NameFrequencies.PriorRecords;
        Assert.Equal((2 + k * GivenU) / (4 + k), given, 12);
        Assert.Equal((3 + k * FamilyU) / (4 + k), family, 12);
        Assert.Equal(k * FamilyU / (4 + k), unseen, 12);
        Assert.True(family > unseen);
    }

    [Fact]
    public void Remove_UndoesAdd_AndMissingNamesOrAveragesAreNotAdjusted()
    {
        var frequencies = new NameFrequencies();
        var record = Named("ADA", "SMITH");
        frequencies.Add(record);
        frequencies.Add(Named("", "SMITH"));
        frequencies.Remove(record);
        frequencies.Remove(Named("", "SMITH"));

        Assert.Equal((GivenU, FamilyU), frequencies.Of(record, GivenU, FamilyU));
        Assert.Equal((0.0, FamilyU), frequencies.Of(Named("", "SMITH"), GivenU, FamilyU));
        Assert.Equal((0.0, 0.0), frequencies.Of(record, null, null));
    }
}
