using Mpi.Contracts.V1;
using Mpi.Matching.Evaluation;
using Mpi.Service.Cli;
using Mpi.Tests.Service.Grpc;
using Mpi.Tools.Load;

namespace Mpi.Tests.Tools.Load;

/// <summary>FEBRL1 registered through the real service, one record per call from four callers, scored pairwise.</summary>
public sealed class LoadCommandTests(RunningService service) : IClassFixture<RunningService>, IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("mpi-load-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task Run_Febrl1ThroughTheService_KeepsPrecisionWithTheShippedModel()
    {
        var febrl1 = Path.Combine(AppContext.BaseDirectory, "TestData", "febrl1");
        var output = new FileInfo(Path.Combine(_folder.FullName, "clusters.csv"));
        var stdout = new StringWriter();

        var exit = await LoadCommand.RunAsync(new FileInfo(Path.Combine(febrl1, "records.csv")), null, service.Address, service.ApiKey, 4, output, stdout, TextWriter.Null, CancellationToken.None);

        Assert.Equal(ExitCodes.Success, exit);
        var truth = File.ReadLines(Path.Combine(febrl1, "truth.csv")).Skip(1).Select(l => l.Split(',')).ToDictionary(f => (f[0], f[1]), f => f[2]);
        var rows = File.ReadLines(output.FullName).Skip(1).Select(l => l.Split(',')).ToArray();
        Assert.Equal(1000, rows.Length);
        var evaluation = PairwiseEvaluation.Compute(rows.Select(r => truth[(r[0], r[1])]).ToArray(), rows.Select(r => r[2]).ToArray());
        Assert.True(evaluation.Precision >= 0.999, $"precision {evaluation.Precision:F5}");
        Assert.True(evaluation.Recall >= 0.90, $"recall {evaluation.Recall:F5}");
        Assert.Contains("records=1000 failed=0", stdout.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("mpi_000000000000.not-a-key")]
    public async Task Load_WithoutAValidKey_SaysSoOnceAndStops(string? key)
    {
        var febrl1 = Path.Combine(AppContext.BaseDirectory, "TestData", "febrl1");
        var errors = new StringWriter();

        var exit = await LoadCommand.RunAsync(new FileInfo(Path.Combine(febrl1, "records.csv")), null, service.Address, key, 4, null,
            TextWriter.Null, errors, CancellationToken.None);

        Assert.Equal(ExitCodes.InputError, exit);
        var line = Assert.Single(errors.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("API key", line);
    }

    [Fact]
    public async Task Load_ReadPersons_ReadsEveryRegisteredRecordsPerson()
    {
        var file = new FileInfo(Path.Combine(_folder.FullName, "three.csv"));
        File.WriteAllLines(file.FullName, File.ReadLines(Path.Combine(AppContext.BaseDirectory, "TestData", "febrl1", "records.csv")).Take(4)
            .Select((line, n) => n == 0 ? line : line.Replace("F1,", "READS,", StringComparison.Ordinal)));
        Assert.Equal(ExitCodes.Success, await LoadCommand.RunAsync(file, null, service.Address, service.ApiKey, 2, null, TextWriter.Null, TextWriter.Null,
            CancellationToken.None));
        var stdout = new StringWriter();

        var exit = await LoadCommand.RunAsync(file, null, service.Address, service.ApiKey, 2, null, stdout, TextWriter.Null, CancellationToken.None,
            measures: new LoadCommand.LoadMeasures(false, 6, 0, ReadPersons: true));

        Assert.Equal(ExitCodes.Success, exit);
        Assert.Contains("read_persons callers=2 calls=6 failed=0", stdout.ToString());
    }

    /// <summary>
    /// A row the service refuses is reported by its line in the file (a row left out before it does not shift the
    /// number) with the field and the reason the service gave, one call at a time and over RegisterStream alike.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Load_RowTheServiceRefuses_IsReportedByItsLineWithTheFieldAndReason(bool stream)
    {
        var file = new FileInfo(Path.Combine(_folder.FullName, $"refused-{stream}.csv"));
        File.WriteAllLines(file.FullName,
        [
            "registry,local_id,given_name,family_name,birth_date,sex,identifiers",
            "REFUSED_LOAD,1,Bad,Row,1980-01-01,M,MR-12345",
            "REFUSED_LOAD,2,Leopoldine,Abercrombie,1961-08-14,F,",
            "NOT A REGISTRY,3,Thaddeus,Vandersloot,1977-02-03,M,",
        ]);
        var errors = new StringWriter();

        var exit = await LoadCommand.RunAsync(file, null, service.Address, service.ApiKey, 1, null, TextWriter.Null, errors, CancellationToken.None, stream);

        Assert.Equal(ExitCodes.SomeRowsRejected, exit);
        var refused = Assert.Single(errors.ToString().Split('\n'), l => l.Contains("InvalidArgument", StringComparison.Ordinal));
        Assert.StartsWith("line 4: InvalidArgument", refused, StringComparison.Ordinal);
        Assert.Contains("key.registry: ", refused, StringComparison.Ordinal);
    }

    /// <summary>A registry's export with other systems' identifiers: `load` sends them, and each finds its person.</summary>
    [Fact]
    public async Task Load_FileWithIdentifiersColumn_RegistersThemSoThatEachFindsItsPerson()
    {
        var file = new FileInfo(Path.Combine(_folder.FullName, "identifiers.csv"));
        File.WriteAllLines(file.FullName,
        [
            "registry,local_id,given_name,family_name,birth_date,sex,identifiers",
            "IDS_LOAD,1,Leopoldine,Abercrombie,1961-08-14,F,NH|AU-HIC|2951 12345 1;PI|NORTH.LAB|L-77",
            "IDS_LOAD,2,Thaddeus,Vandersloot,1977-02-03,M,MR|SOUTH_HOSP|000481516",
            "IDS_LOAD,3,Bad,Row,1980-01-01,M,MR-12345",
        ]);
        var errors = new StringWriter();

        var exit = await LoadCommand.RunAsync(file, null, service.Address, service.ApiKey, 1, null, TextWriter.Null, errors, CancellationToken.None);

        Assert.Equal(ExitCodes.SomeRowsRejected, exit);
        Assert.Contains("line 4: identifiers: entry 1 has 1 part", errors.ToString());
        var persons = new PersonService.PersonServiceClient(service.Channel);
        async Task<string> PersonOf(Identifier identifier) =>
            (await persons.GetPersonAsync(new GetPersonRequest { Identifier = identifier, Reason = "test" })).PersonId;
        async Task<string> PersonOfRecord(string localId) =>
            (await persons.GetPersonAsync(new GetPersonRequest { Record = new RecordKey { Registry = "IDS_LOAD", LocalId = localId }, Reason = "test" }))
                .PersonId;
        Assert.Equal(await PersonOfRecord("1"), await PersonOf(new Identifier { Type = "NH", Authority = "AU-HIC", Value = "2951123451" }));
        Assert.Equal(await PersonOfRecord("1"), await PersonOf(new Identifier { Type = "PI", Authority = "north.lab", Value = "L77" }));
        Assert.Equal(await PersonOfRecord("2"), await PersonOf(new Identifier { Type = "MR", Authority = "SOUTH_HOSP", Value = "000481516" }));
    }
}
