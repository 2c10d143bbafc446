using Mpi.Matching.Blocking;
using Mpi.Matching.Normalization;
using Mpi.Matching.Records;
using Mpi.Matching.Scoring;

namespace Mpi.Service.Matching;

/// <summary>
/// Every committed source record of the database in memory — normalised, with its person — and the blocking-key
/// index over them, so that candidate search and Match touch no database page: at a million records, reading blocks,
/// versions and persons from SQLite was most of a request's time, and writing the key index most of a registration's.
/// </summary>
/// <remarks>
/// The database stays the truth. Every change of a record's person or demographics writes a link event in the same
/// transaction, so the directory follows the database by applying link events in order (<see cref="RecordDirectoryFeed"/>);
/// <see cref="Watermark"/> is the last event whose state is applied. A registration applies its own records right after
/// its commit. Each record keeps the event that produced its state, and an older state never replaces a newer one,
/// so a slow reader of the feed cannot undo what a faster one applied. A reader-writer lock guards the maps: searches
/// run side by side and only copy references (scoring happens outside the lock); applying a commit excludes them
/// for microseconds.
/// </remarks>
public sealed class RecordDirectory
{
    private readonly ReaderWriterLockSlim _sync = new(LockRecursionPolicy.NoRecursion);
    private readonly SemaphoreSlim _loading = new(1, 1);
    private IndexedRecord?[] _byId = new IndexedRecord?[1024];
    private BlockPostings _blocks = new();
    // Person id → its one record (most persons) or a list of them: a list per person would cost more than the record.
    private readonly Dictionary<string, object> _persons = new(StringComparer.Ordinal);
    private IReadOnlyList<(BlockingRule Rule, int CatalogOrdinal)> _rules = [];
    private volatile bool _loaded;

    private readonly SharedStrings _shared = new();
    private readonly NameFrequencies _names = new();
    private readonly ContactCounts _contacts = new();

    // One set per thread, reused by every search on it: a new set per search was a tenth of a Match's allocations,
    // and every allocation brings the next pause of all callers closer.
    [ThreadStatic] private static HashSet<int>? t_ids;

    public long Watermark { get; private set; }
    public int Count { get; private set; }
    public bool IsLoaded => _loaded;

    /// <summary>A committed record as the directory holds it, its repeated values shared with the other records'.</summary>
    public IndexedRecord Entry(long id, int version, string personId, NormalizationResult normalized, long updatedAt, long producedBy, bool inactive = false)
    {
        var record = normalized.Record.WithSharedValues(_shared.Share);
        // Held records carry no weights of their own: each incoming record is scored as a copy weighed among them
        // (WeightsOf), so that a record scores the same before and after a restart.
        record.GivenNameFrequency = record.FamilyNameFrequency = 0;
        record.PopulationSize = record.PhoneSharedBy = record.AddressSharedBy = record.AddressLine2SharedBy = 0;
        return new(id, version, personId, record, GoldenValues.From(normalized.Receipts, _shared.Share), updatedAt, producedBy, inactive);
    }

    /// <summary>Loads the whole directory once (the first caller reads, others wait); later calls return at once.</summary>
    public async Task EnsureLoadedAsync(Func<RecordDirectory, CancellationToken, Task> load, CancellationToken cancellation)
    {
        if (_loaded) return;
        await _loading.WaitAsync(cancellation);
        try
        {
            if (_loaded) return;
            await load(this, cancellation);
            _loaded = true;
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>
    /// Applies committed record states, each produced by its <see cref="IndexedRecord.Event"/>; a state older than the
    /// one held is ignored. <paramref name="upTo"/>: every event up to it is now applied (the caller read them all).
    /// </summary>
    public void Apply(IReadOnlyList<IndexedRecord> records, long upTo)
    {
        _sync.EnterWriteLock();
        try
        {
            foreach (var record in records) ApplyOne(record);
            if (upTo > Watermark) Watermark = upTo;
        }
        finally
        {
            _sync.ExitWriteLock();
        }
    }

    /// <summary>
    /// Adds records read by the initial load, which know no event: a record already held (applied meanwhile from the
    /// feed) is kept.
    /// </summary>
    public void AddLoaded(IReadOnlyList<IndexedRecord> records)
    {
        _sync.EnterWriteLock();
        try
        {
            foreach (var record in records)
                if (Held(record.Id) is null) ApplyOne(record);
        }
        finally
        {
            _sync.ExitWriteLock();
        }
    }

    /// <summary>Sets the watermark the initial load starts from (every later event is then read from the feed).</summary>
    public void StartAt(long watermark)
    {
        _sync.EnterWriteLock();
        try
        {
            Watermark = Math.Max(Watermark, watermark);
        }
        finally
        {
            _sync.ExitWriteLock();
        }
    }

    /// <summary>
    /// The records sharing a key with <paramref name="keys"/>, skipping keys whose block is larger than its bound
    /// (plus <paramref name="extraInBlock"/>, records of the caller's own transaction not applied yet).
    /// </summary>
    public List<StoredCandidate> Find(IReadOnlyList<(long Key, int Bound)> keys, IReadOnlyList<(BlockingRule Rule, int CatalogOrdinal)> rules,
        Func<long, int>? extraInBlock = null)
    {
        if (!IndexedWith(rules)) UseRules(rules);
        var ids = t_ids ??= new HashSet<int>(512);
        ids.Clear();
        _sync.EnterReadLock();
        try
        {
            foreach (var (key, bound) in keys)
            {
                var extra = extraInBlock?.Invoke(key) ?? 0;
                _blocks.CollectIfAtMost((ulong)key, bound - extra, ids);
            }
            var candidates = new List<StoredCandidate>(ids.Count);
            foreach (var id in ids)
                if (Held(id) is { Inactive: false } record) candidates.Add(record);
            return candidates;
        }
        finally
        {
            _sync.ExitReadLock();
        }
    }

    /// <summary>
    /// What <paramref name="record"/>'s values weigh among the records held (<see cref="PopulationWeights"/>): its name
    /// frequencies (<see cref="NameFrequencies"/>) for the names <paramref name="model"/> adjusts by frequency, the
    /// number of records held (the namesake guard's registry size, as batch counts its file) and how many records
    /// share its phone and address (<see cref="ContactCounts"/>). The record itself is not changed.
    /// </summary>
    public PopulationWeights WeightsOf(NormalizedRecord record, ActiveModel model)
    {
        _sync.EnterReadLock();
        try
        {
            var (given, family) = _names.Of(record, model.GivenNameAverageFrequency, model.FamilyNameAverageFrequency);
            return new PopulationWeights(given, family, Count, _contacts.SharedBy(record, includesItself: false));
        }
        finally
        {
            _sync.ExitReadLock();
        }
    }

    /// <summary>The active records indexed under one key, however many (a look-up by identifier, not a bounded search).</summary>
    public IReadOnlyList<IndexedRecord> WithKey(ulong key)
    {
        var ids = new HashSet<int>();
        _sync.EnterReadLock();
        try
        {
            _blocks.CollectIfAtMost(key, int.MaxValue, ids);
            var records = new List<IndexedRecord>(ids.Count);
            foreach (var id in ids)
                if (Held(id) is { Inactive: false } record) records.Add(record);
            return records;
        }
        finally
        {
            _sync.ExitReadLock();
        }
    }

    /// <summary>A person's records, most recently updated first (empty for an unknown person).</summary>
    public IReadOnlyList<IndexedRecord> RecordsOf(string personId)
    {
        IndexedRecord[] records;
        _sync.EnterReadLock();
        try
        {
            if (!_persons.TryGetValue(personId, out var held)) return [];
            if (held is IndexedRecord one) return [one];
            records = [.. (List<IndexedRecord>)held];
        }
        finally
        {
            _sync.ExitReadLock();
        }
        Array.Sort(records, (a, b) => a.UpdatedAt != b.UpdatedAt ? b.UpdatedAt.CompareTo(a.UpdatedAt) : b.Id.CompareTo(a.Id));
        return records;
    }

    private IndexedRecord? Held(long id) => id < _byId.Length ? _byId[id] : null;

    private void ApplyOne(IndexedRecord record)
    {
        var id = checked((int)record.Id);
        var held = Held(id);
        if (held is not null && held.Event > record.Event) return;
        if (id >= _byId.Length) Array.Resize(ref _byId, Math.Max(id + 1, _byId.Length * 2));
        var wasActive = held is { Inactive: false };
        if (wasActive)
        {
            RemoveFromPerson(held!);
            _names.Remove(held!.Record);
            _contacts.Remove(held.Record);
            if (held.Version != record.Version || record.Inactive)
                foreach (var (key, _) in DirectoryBlockingKeys.Of(held.Record, _rules)) _blocks.Remove((ulong)key, id);
            Count--;
        }
        _byId[id] = record;
        if (record.Inactive) return;
        Count++;
        AddToPerson(record);
        _names.Add(record.Record);
        _contacts.Add(record.Record);
        if (!wasActive || held!.Version != record.Version) AddKeys(record);
    }

    private void AddKeys(IndexedRecord record)
    {
        foreach (var (key, _) in DirectoryBlockingKeys.Of(record.Record, _rules)) _blocks.Add((ulong)key, (int)record.Id);
    }

    /// <summary>Indexes under these rules (before loading: the active model's); re-keys every record when they differ from the rules indexed (a model version changed them).</summary>
    public void UseRules(IReadOnlyList<(BlockingRule Rule, int CatalogOrdinal)> rules)
    {
        _sync.EnterWriteLock();
        try
        {
            if (!IndexedWith(rules)) IndexWith(rules);
        }
        finally
        {
            _sync.ExitWriteLock();
        }
    }

    /// <summary>True when these are the rules indexed (the same list: an active model keeps one).</summary>
    private bool IndexedWith(IReadOnlyList<(BlockingRule Rule, int CatalogOrdinal)> rules)
    {
        var indexed = _rules;
        if (ReferenceEquals(indexed, rules)) return true;
        if (indexed.Count != rules.Count) return false;
        for (var i = 0; i < rules.Count; i++)
            if (indexed[i].CatalogOrdinal != rules[i].CatalogOrdinal) return false;
        return true;
    }

    private void IndexWith(IReadOnlyList<(BlockingRule Rule, int CatalogOrdinal)> rules)
    {
        _rules = rules;
        _blocks = new BlockPostings();
        foreach (var record in _byId)
            if (record is { Inactive: false }) AddKeys(record);
    }

    private void AddToPerson(IndexedRecord record)
    {
        var person = record.PersonId;
        if (!_persons.TryGetValue(person, out var held)) _persons[person] = record;
        else if (held is IndexedRecord one) _persons[person] = new List<IndexedRecord>(2) { one, record };
        else ((List<IndexedRecord>)held).Add(record);
    }

    private void RemoveFromPerson(IndexedRecord record)
    {
        var person = record.PersonId;
        if (!_persons.TryGetValue(person, out var held)) return;
        if (held is IndexedRecord) _persons.Remove(person);
        else
        {
            var list = (List<IndexedRecord>)held;
            list.RemoveAll(r => r.Id == record.Id);
            if (list.Count == 1) _persons[person] = list[0];
            else if (list.Count == 0) _persons.Remove(person);
        }
    }
}
