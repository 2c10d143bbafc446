using System.Text.RegularExpressions;
using Mpi.Matching.Nicknames;

namespace Mpi.Tests.Matching.Nicknames;

public sealed partial class ShippedNicknameFileTests
{
    [Fact]
    public void DataLines_EveryLine_IsUpperCaseLettersWithAtLeastOneNickname()
    {
        var bad = ShippedNicknameFile.DataLines.Where(line => !WellFormedLine().IsMatch(line)).ToList();

        Assert.Empty(bad);
    }

    [Fact]
    public void DataLines_FormalNames_AreDistinct()
    {
        var repeated = ShippedNicknameFile.DataLines
            .GroupBy(line => line.Split(',')[0], StringComparer.Ordinal)
            .Where(group => group.Count() > 1)
            .Select(group => group.Key)
            .ToList();

        Assert.Empty(repeated);
    }

    [Fact]
    public void DataLines_WithinOneLine_NoNameRepeats()
    {
        var bad = ShippedNicknameFile.DataLines
            .Where(line => line.Split(',').Distinct(StringComparer.Ordinal).Count() != line.Split(',').Length)
            .ToList();

        Assert.Empty(bad);
    }

    [Fact]
    public void Header_FirstLines_CarryTheLicenceNotice()
    {
        var header = ShippedNicknameFile.Lines.TakeWhile(line => line.StartsWith('#')).ToList();

        Assert.Contains(header, line => line.Contains("Licence", StringComparison.Ordinal));
        Assert.Contains(header, line => line.Contains("written for this project", StringComparison.Ordinal));
    }

    [Fact]
    public void Default_ShippedTable_HasAtLeastFourHundredGroupsOnePerDataLine()
    {
        Assert.True(NicknameTable.Default.GroupCount >= 400, $"only {NicknameTable.Default.GroupCount} groups");
        Assert.Equal(ShippedNicknameFile.DataLines.Count(), NicknameTable.Default.GroupCount);
    }

    [GeneratedRegex("^[A-Z]+(,[A-Z]+)+$")]
    private static partial Regex WellFormedLine();
}
