using Microsoft.EntityFrameworkCore;
using Mpi.Matching.Settings;
using Mpi.Service.Persistence;
using Mpi.Service.Persistence.Entities;

namespace Mpi.Service.Matching;

/// <summary>
/// The model every request uses, read once from the database (the active version) — or, on a new database, the
/// shipped default, stored as the first version so that every decision names a version that exists.
/// </summary>
public sealed class ActiveModelHolder(TimeProvider time)
{
    private ActiveModel? _current;

    public ActiveModel Current => _current ?? throw new InvalidOperationException("the model is not loaded yet");

    public async Task LoadAsync(MpiDbContext db, CancellationToken cancellation)
    {
        var active = await db.ModelVersions.SingleOrDefaultAsync(m => m.IsActive, cancellation);
        if (active is null)
        {
            var model = ActiveModel.Default();
            active = new ModelVersionEntity
            {
                Version = model.Version, Json = MatchModelJson.Serialize(model), CreatedAt = time.GetUtcNow(), CreatedBy = "system", IsActive = true,
            };
            db.ModelVersions.Add(active);
            await db.SaveChangesAsync(cancellation);
        }
        _current = new ActiveModel(MatchModelJson.Deserialize(active.Json));
    }
}
