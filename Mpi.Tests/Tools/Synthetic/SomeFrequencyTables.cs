using System.Globalization;
using Mpi.Tools.Synthetic;

namespace Mpi.Tests.Tools.Synthetic;

/// <summary>Small made-up frequency tables, so that tests need no data outside the repository.</summary>
internal static class SomeFrequencyTables
{
    private static readonly string[] GivenNames =
    [
        "william", "robert", "elizabeth", "james", "thomas", "michael", "katherine", "jessica", "joshua", "emily",
        "jack", "sophie", "isabella", "liam", "chloe", "mitchell", "olivia", "luke", "harrison", "sarah", "hannah",
        "charlotte", "madison", "ella", "amy", "lauren", "caitlin", "ethan", "riley", "connor", "georgia", "zoe",
        "noah", "ruby", "oscar", "grace", "lucas", "mia", "henry", "ava", "samuel", "benjamin", "daniel", "rebecca",
    ];

    private static readonly string[] SurnameStarts = ["smi", "jon", "wil", "bro", "tay", "mar", "and", "tho", "whi", "har", "cla", "kel", "rob", "wal", "lee", "phi", "ken", "mit"];
    private static readonly string[] SurnameEnds = ["th", "es", "son", "wn", "lor", "tin", "erson", "mas", "te", "ris", "rke", "ly", "erts", "ker", "man", "llips"];
    private static readonly string[] StreetTypes = ["street", "road", "avenue", "place", "court", "crescent", "drive", "close"];
    private static readonly string[] States = ["nsw", "vic", "qld", "wa", "sa", "tas", "act", "nt"];

    public static FrequencyTables Create() => new(
        Weighted(GivenNames),
        Weighted(SurnameStarts.SelectMany(start => SurnameEnds.Select(end => start + end))),
        Weighted(SurnameStarts.Take(12).SelectMany(start => StreetTypes.Select(type => $"{start}ington {type}"))),
        Weighted(Enumerable.Range(1, 250).Select(n => n.ToString(CultureInfo.InvariantCulture))),
        Weighted(SurnameEnds.SelectMany(end => new[] { "north ", "east ", "" }.Select(prefix => $"{prefix}{end}ville"))),
        Weighted(Enumerable.Range(2000, 300).Select(n => n.ToString(CultureInfo.InvariantCulture))),
        Weighted(States));

    /// <summary>Writes the tables as FEBRL dsgen files (value,count) into <paramref name="directory"/>.</summary>
    public static void WriteTo(string directory)
    {
        var tables = Create();
        FrequencyTable[] inFileOrder =
            [tables.GivenNames, tables.Surnames, tables.Streets, tables.StreetNumbers, tables.Suburbs, tables.Postcodes, tables.States];
        for (var i = 0; i < inFileOrder.Length; i++)
        {
            var table = inFileOrder[i];
            var lines = table.Values.Select((value, index) => $"{value},{table.WeightAt(index)}");
            File.WriteAllLines(Path.Combine(directory, FrequencyTables.FileNames[i]), lines);
        }
    }

    /// <summary>A Zipf-like spread: the n-th value is about 1/n as common as the first.</summary>
    private static FrequencyTable Weighted(IEnumerable<string> values) =>
        new(values.Select((value, index) => (value, Math.Max(1L, 1000L / (index + 1)))));
}
