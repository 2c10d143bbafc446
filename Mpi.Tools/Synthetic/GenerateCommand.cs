using System.CommandLine;
using System.Globalization;

namespace Mpi.Tools.Synthetic;

/// <summary>
/// The <c>generate</c> verb: writes a synthetic population with truth for benchmarks and accuracy tests.
/// <c>generate --count N --output DIR [--seed S] [--freq-dir DIR] [--profile realistic|clean] [--duplicate-rate R]</c>
/// </summary>
public static class GenerateCommand
{
    private const string RealisticProfile = "realistic";
    private const string CleanProfile = "clean";

    public static Command Create()
    {
        var count = new Option<int>("--count")
        {
            Description = "How many records to write (exactly).",
            Required = true,
        };
        count.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--count must be at least 1");
            }
        });
        var output = new Option<string>("--output")
        {
            Description = $"Directory to write {SyntheticPopulationWriter.RecordsFileName}, {SyntheticPopulationWriter.TruthFileName} and {SyntheticPopulationWriter.TrapsFileName} into.",
            Required = true,
        };
        var seed = new Option<int>("--seed")
        {
            Description = "Random seed; the same seed gives the same files.",
            DefaultValueFactory = _ => SyntheticPopulationOptions.DefaultSeed,
        };
        var frequencyDirectory = new Option<string>("--freq-dir")
        {
            Description = "Directory of the FEBRL dsgen frequency tables (value,count files).",
            DefaultValueFactory = _ => FrequencyTables.DefaultDirectory,
        };
        var profile = new Option<string>("--profile")
        {
            Description = "realistic (the default: moves, new phones, missing and mistyped ids, keying errors as in real registries) or clean (the gentler population of earlier releases).",
            DefaultValueFactory = _ => RealisticProfile,
        };
        profile.AcceptOnlyFromAmong(RealisticProfile, CleanProfile);
        var duplicateRate = new Option<double?>("--duplicate-rate")
        {
            Description = $"Share of records that duplicate an earlier person (realistic: {SyntheticPopulationOptions.DefaultDuplicateRate}, clean: {SyntheticPopulationOptions.Clean.DuplicateRate}).",
        };

        var command = new Command("generate", "Write a synthetic patient population (records.csv) with its truth (truth.csv).");
        command.Options.Add(count);
        command.Options.Add(output);
        command.Options.Add(seed);
        command.Options.Add(frequencyDirectory);
        command.Options.Add(profile);
        command.Options.Add(duplicateRate);
        command.SetAction(parseResult =>
        {
            var baseline = parseResult.GetValue(profile) == CleanProfile ? SyntheticPopulationOptions.Clean : new SyntheticPopulationOptions();
            var options = baseline with
            {
                RecordCount = parseResult.GetValue(count),
                Seed = parseResult.GetValue(seed),
                DuplicateRate = parseResult.GetValue(duplicateRate) ?? baseline.DuplicateRate,
            };
            return Run(options, parseResult.GetValue(frequencyDirectory)!, parseResult.GetValue(output)!, parseResult.InvocationConfiguration);
        });
        return command;
    }

    private static int Run(SyntheticPopulationOptions options, string frequencyDirectory, string outputDirectory, InvocationConfiguration console)
    {
        if (options.Validate() is { } invalid)
        {
            console.Error.WriteLine($"generate: {invalid}");
            return 2;
        }

        if (FrequencyTables.FindMissing(frequencyDirectory) is { } missing)
        {
            console.Error.WriteLine($"generate: {missing} (set --freq-dir)");
            return 2;
        }

        var started = TimeProvider.System.GetTimestamp();
        var tables = FrequencyTables.Load(frequencyDirectory);
        var generator = new SyntheticPopulationGenerator(tables, options);
        var summary = SyntheticPopulationWriter.Write(generator.Generate(), outputDirectory);
        var elapsed = TimeProvider.System.GetElapsedTime(started);

        var culture = CultureInfo.InvariantCulture;
        console.Output.WriteLine(string.Format(
            culture,
            "wrote {0:N0} records of {1:N0} persons ({2:N0} duplicates; trap persons: {3:N0} household members, {4:N0} twins, {5:N0} fathers/sons, {6:N0} namesakes) to {7} in {8:0.0} s",
            summary.Records, summary.Persons, summary.Duplicates, summary.Households, summary.Twins, summary.FatherSons,
            summary.Namesakes, outputDirectory, elapsed.TotalSeconds));
        return 0;
    }
}
