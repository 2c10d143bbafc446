using System.Globalization;

namespace Mpi.Tools.Synthetic;

/// <summary>
/// Streams a synthetic patient population with its truth: persons drawn from frequency tables, duplicates of them
/// damaged as real second registrations are, and look-alike persons (households, twins, fathers and sons,
/// namesakes) that a naive matcher merges. Exactly <see cref="SyntheticPopulationOptions.RecordCount"/> records,
/// the same ones for the same options and seed. Persons are made one group at a time; a person is held in memory
/// only until its last duplicate is out (duplicates are scheduled within <see cref="SyntheticPopulationOptions.DuplicateWindow"/> records).
/// </summary>
public sealed class SyntheticPopulationGenerator
{
    private readonly FrequencyTables _tables;
    private readonly SyntheticPopulationOptions _options;

    public SyntheticPopulationGenerator(FrequencyTables tables, SyntheticPopulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Validate() is { } problem)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        _tables = tables;
        _options = options;
    }

    public IEnumerable<SyntheticRecord> Generate()
    {
        var random = new Random(_options.Seed);
        var persons = new PersonFactory(_tables, _options, random);
        var corruptor = new DuplicateCorruptor(_options, persons, random);
        var formatter = new RecordFormatter(_options, random);
        var localIds = new LocalIdSequence(_options.Registries);
        var window = (int)Math.Clamp(_options.RecordCount / 2L, 1, _options.DuplicateWindow);
        var pending = new PriorityQueue<PendingRecord, (long Due, long Sequence)>();
        long sequence = 0;
        var total = _options.RecordCount;
        var emitted = 0;

        while (emitted < total)
        {
            var committed = emitted + pending.Count;
            if (pending.TryPeek(out var next, out var priority) && (priority.Due <= emitted || committed >= total))
            {
                pending.Dequeue();
                yield return MakeRecord(next, random, corruptor, formatter, localIds);
                emitted++;
                continue;
            }

            var budget = total - committed;
            var group = persons.CreateGroup(budget);
            budget -= group.Count;
            for (var i = 0; i < group.Count; i++)
            {
                var person = group[i];
                var originalDue = i == 0 ? emitted : emitted + random.Next(window);
                pending.Enqueue(new PendingRecord(person, IsDuplicate: false), (originalDue, sequence++));
                var duplicates = Math.Min(budget, persons.DrawDuplicateCount());
                budget -= duplicates;
                for (var d = 0; d < duplicates; d++)
                {
                    pending.Enqueue(new PendingRecord(person, IsDuplicate: true), (originalDue + 1 + random.Next(window), sequence++));
                }
            }
        }
    }

    private SyntheticRecord MakeRecord(
        PendingRecord pending, Random random, DuplicateCorruptor corruptor, RecordFormatter formatter, LocalIdSequence localIds)
    {
        var person = pending.Person;
        var registry = person.HomeRegistry;
        if (pending.IsDuplicate && _options.Registries.Length > 1 && random.NextDouble() >= _options.SameRegistryDuplicateRate)
        {
            registry = (registry + 1 + random.Next(_options.Registries.Length - 1)) % _options.Registries.Length;
        }

        var draft = RecordDraft.From(person, showSuffix: random.Next(2) == 0);
        if (pending.IsDuplicate)
        {
            corruptor.Corrupt(draft, person);
        }

        var record = formatter.Format(draft, registry, localIds.Next(registry));
        return new SyntheticRecord(record, person.PersonId)
        {
            IsDuplicate = pending.IsDuplicate,
            Trap = person.Trap,
            RelatedPersonId = person.RelatedPersonId,
        };
    }

    private readonly record struct PendingRecord(SyntheticPerson Person, bool IsDuplicate);

    /// <summary>Per-registry local ids: the registry's initial and a counter (N00000001, S00000001…).</summary>
    private sealed class LocalIdSequence(IReadOnlyList<string> registries)
    {
        private readonly int[] _counters = new int[registries.Count];

        public string Next(int registry) =>
            char.ToUpperInvariant(registries[registry].Trim()[0]) + (++_counters[registry]).ToString("D8", CultureInfo.InvariantCulture);
    }
}
