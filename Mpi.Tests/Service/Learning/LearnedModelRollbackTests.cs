using Mpi.Contracts.V1;
using Mpi.Service.Cli;
using Mpi.Tests.Service.Grpc;
using Xunit.Abstractions;

namespace Mpi.Tests.Service.Learning;

/// <summary>
/// Issue 5's "rolling a model back restores the exact previous decisions for new registrations", end to end on the real
/// service (Kestrel, gRPC, a temporary SQLite file): a synthetic population is registered, an oracle resolves its review
/// tasks through ReviewService, <c>learn --database --store</c> stores a learned version, a steward activates it and
/// then the previous one through ModelService.
/// </summary>
public sealed class LearnedModelRollbackTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Registered = 9_000, Queries = 1_500, Later = 1_500;
    private readonly RunningService _service = new();
    private readonly SyntheticRegistrations _population = new(Registered + Queries + Later, seed: 21);

    public Task InitializeAsync() => _service.InitializeAsync();

    public Task DisposeAsync() => _service.DisposeAsync();

    [Fact]
    public async Task ActivateModel_LearnedThenRolledBack_MovesSomeDecisionsThenGivesTheOriginalDecisionsBitForBit()
    {
        var registration = new RegistrationService.RegistrationServiceClient(_service.Channel);
        var models = new ModelService.ModelServiceClient(_service.Channel);
        await SyntheticRegistrations.RegisterAsync(_service.Channel, _population.Records.Take(Registered));
        var (same, different) = await new OracleReviewer(_service.Channel, _population.Truth).ResolveAsync(400);
        var queries = _population.Records.Skip(Registered).Take(Queries).Select(SyntheticRegistrations.Query).ToArray();
        var original = (await models.GetModelAsync(new GetModelRequest())).Version;
        var before = await MatchAllAsync(registration, queries);

        var learnOutput = new StringWriter();
        var exit = await LearnCommand.RunAsync(new LearnRequest(null, null, null, 0, null, null, null, null, 5, _service.DatabasePath,
            "user:steward-test"), learnOutput, TextWriter.Null, TimeProvider.System, CancellationToken.None);
        Assert.Equal(ExitCodes.Success, exit);
        var versions = await models.ListModelVersionsAsync(new ListModelVersionsRequest());
        var learned = Assert.Single(versions.Versions, v => v.Version.StartsWith($"{original}+learned", StringComparison.Ordinal));
        Assert.False(learned.Active);
        await models.ActivateModelAsync(new ActivateModelRequest { Version = learned.Version, ExpectedActiveVersion = original, Reason = "learned from reviews" });
        var underLearned = await MatchAllAsync(registration, queries);
        await models.ActivateModelAsync(new ActivateModelRequest { Version = original, ExpectedActiveVersion = learned.Version, Reason = "roll back" });
        var afterRollback = await MatchAllAsync(registration, queries);

        var moved = Enumerable.Range(0, Queries).Where(i => underLearned[i].Decision != before[i].Decision).ToArray();
        output.WriteLine($"review tasks resolved by the oracle: {same} same person, {different} different people");
        output.WriteLine(learnOutput.ToString().TrimEnd());
        output.WriteLine($"queries: {Queries}; review before: {before.Count(m => m.Decision == Decision.Review)}, under the learned version: "
            + $"{underLearned.Count(m => m.Decision == Decision.Review)}; decisions moved: {moved.Length} "
            + $"(to new {moved.Count(i => underLearned[i].Decision == Decision.New)}, to auto-link {moved.Count(i => underLearned[i].Decision == Decision.AutoLink)})");
        Assert.NotEmpty(moved);
        Assert.All(moved, i =>
        {
            Assert.Equal(Decision.Review, before[i].Decision);
            Assert.True(underLearned[i].Learned.Moved);
            Assert.StartsWith("learned probability ", underLearned[i].Learned.Reason);
        });
        // Protobuf equality compares doubles bit for bit: decision, every candidate, probability, band, explanation.
        Assert.All(Enumerable.Range(0, Queries), i => Assert.Equal(before[i], afterRollback[i]));
        Assert.All(afterRollback, m => Assert.Null(m.Learned));

        // New registrations under the rolled-back version decide as the original version does.
        foreach (var query in _population.Records.Skip(Registered).Take(Queries))
        {
            var expected = await registration.MatchAsync(SyntheticRegistrations.Query(query));
            var registered = await registration.RegisterAsync(SyntheticRegistrations.Request(query));
            Assert.Equal((expected.Decision, original), (registered.Decision, registered.ModelVersion));
            Assert.Equal(expected.Candidates.FirstOrDefault()?.Probability ?? 0, registered.Probability);
            if (registered.Decision is Decision.AutoLink or Decision.RuleLink) Assert.Equal(expected.Candidates[0].PersonId, registered.PersonId);
            Assert.Null(registered.Learned);
        }
    }

    [Fact]
    public async Task Register_UnderLearnedVersion_SaysTheLearnedModelMovedThePairAndWhy()
    {
        var models = new ModelService.ModelServiceClient(_service.Channel);
        await SyntheticRegistrations.RegisterAsync(_service.Channel, _population.Records.Take(Registered));
        await new OracleReviewer(_service.Channel, _population.Truth).ResolveAsync(400);
        var original = (await models.GetModelAsync(new GetModelRequest())).Version;
        Assert.Equal(ExitCodes.Success, await LearnCommand.RunAsync(new LearnRequest(null, null, null, 0, null, null, null, null, 5,
            _service.DatabasePath, "user:steward-test"), TextWriter.Null, TextWriter.Null, TimeProvider.System, CancellationToken.None));
        var learned = (await models.ListModelVersionsAsync(new ListModelVersionsRequest())).Versions.Single(v => !v.Active).Version;
        var stored = await models.GetModelAsync(new GetModelRequest { Version = learned });
        Assert.Equal((original, false), (stored.Learned.TrainedUnder, stored.Active));
        Assert.True(stored.Learned.Labels >= 10 && stored.Learned.Coefficients.Count > stored.Comparisons.Count, stored.Learned.ToString());
        await models.ActivateModelAsync(new ActivateModelRequest { Version = learned, ExpectedActiveVersion = original, Reason = "learned from reviews" });

        var responses = await SyntheticRegistrations.RegisterAsync(_service.Channel, _population.Records.Skip(Registered).Take(Queries + Later));

        var moved = responses.Where(r => r.Learned?.Moved == true).ToArray();
        output.WriteLine($"registered under {learned}: {responses.Count}; judged by the learner: {responses.Count(r => r.Learned is not null)}; moved: {moved.Length}");
        foreach (var r in moved) output.WriteLine($"{r.Decision}: {r.Learned.Reason}");
        Assert.NotEmpty(moved);
        Assert.All(responses, r => Assert.Equal(learned, r.ModelVersion));
        Assert.All(moved, r =>
        {
            Assert.Equal(ThresholdBand.Review, r.Learned.FellegiSunterBand);
            Assert.Equal(r.Probability, r.Learned.FellegiSunterProbability);
            Assert.Equal(r.Decision == Decision.New ? ThresholdBand.NonMatch : ThresholdBand.AutoLink, r.Learned.Band);
            Assert.Matches(@"^learned probability 0\.\d{3} (≤ 0\.030|≥ 0\.970) \(Fellegi–Sunter [01]\.\d{3}\): (not the same person|linked)$", r.Learned.Reason);
            Assert.Equal("", r.ReviewTaskId);
        });
        // The person's link history keeps what the learner said with the decision it made.
        var persons = new PersonService.PersonServiceClient(_service.Channel);
        foreach (var r in moved)
        {
            var person = await persons.GetPersonAsync(new GetPersonRequest { Record = r.Key, Reason = "test: the learner's reason in the history" });
            Assert.Contains(person.History, h => h.Record.Equals(r.Key) && h.Reason == r.Learned.Reason);
        }
        // A pair the learner left in review says so on its task too.
        var kept = responses.Where(r => r.Decision == Decision.Review && r.Learned is not null).ToArray();
        Assert.NotEmpty(kept);
        var task = await new ReviewService.ReviewServiceClient(_service.Channel).GetTaskAsync(new GetTaskRequest { TaskId = kept[0].ReviewTaskId });
        Assert.Contains(task.Candidates, c => c.Learned is not null && c.Learned.Reason.StartsWith("learned probability ", StringComparison.Ordinal));
    }

    private static async Task<MatchResponse[]> MatchAllAsync(RegistrationService.RegistrationServiceClient client, IEnumerable<MatchRequest> queries)
    {
        var responses = new List<MatchResponse>();
        foreach (var query in queries) responses.Add(await client.MatchAsync(query));
        return [.. responses];
    }
}
