using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Mpi.Service.Persistence;
using Mpi.Service.Security;
using Mpi.Service.Configuration;

namespace Mpi.Service.Cli;

/// <summary>
/// <c>credentials issue | list | revoke</c>: one API key per interface engine, limited to the registries it may write
/// and the RPCs it may call. Works on the service's database file, also while the service runs (the service re-reads
/// credentials within <see cref="Hosting.MpiServiceOptions.CredentialRefreshSeconds"/>). A new key is printed once; only its hash is kept.
/// </summary>
public static class CredentialsCommand
{
    public static Command Create()
    {
        var command = new Command("credentials", "Issue, list or revoke the API keys of interface engines");
        command.Subcommands.Add(Issue());
        command.Subcommands.Add(List());
        command.Subcommands.Add(Revoke());
        return command;
    }

    private static Option<string> Database() =>
        new("--database") { Description = "The service's SQLite file, or its PostgreSQL connection string", DefaultValueFactory = _ => "mpi.db" };

    private static Command Issue()
    {
        var database = Database();
        var name = new Option<string>("--name") { Description = "Who calls with it, for the audit trail (e.g. north-hospital-engine)", Required = true };
        var registries = new Option<string>("--registries") { Description = "Registries it may write, comma-separated, or *", Required = true };
        var rpcs = new Option<string>("--rpcs")
        {
            Description = "RPCs it may call, comma-separated (e.g. Register,RegisterStream,Match), or *", DefaultValueFactory = _ => "Register,RegisterStream,Match",
        };
        var issue = new Command("issue", "Issue a key and print it once") { database, name, registries, rpcs };
        issue.SetAction((parse, cancellation) => WithStoreAsync(parse.GetValue(database)!, async store =>
        {
            string key;
            try
            {
                key = await store.IssueAsync(parse.GetValue(name)!.Trim(), parse.GetValue(registries)!, parse.GetValue(rpcs)!, cancellation);
            }
            catch (CredentialNameInUse taken)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"--name: {taken.Message}");
                return ExitCodes.InputError;
            }
            await parse.InvocationConfiguration.Output.WriteLineAsync($"API key for {parse.GetValue(name)!.Trim()} (shown once): {key}");
            return ExitCodes.Success;
        }, cancellation));
        return issue;
    }

    private static Command List()
    {
        var database = Database();
        var list = new Command("list", "List credentials (id, name, registries, RPCs, issued, revoked); never secrets") { database };
        list.SetAction((parse, cancellation) => WithStoreAsync(parse.GetValue(database)!, async store =>
        {
            foreach (var c in await store.ListAsync(cancellation))
            {
                await parse.InvocationConfiguration.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{c.Id}\t{c.Name}\tregistries={c.Registries}\trpcs={c.Rpcs}\tissued={c.CreatedAt:yyyy-MM-ddTHH:mm:ssZ}\t{(c.RevokedAt is { } r ? $"revoked={r:yyyy-MM-ddTHH:mm:ssZ}" : "active")}"));
            }
            return ExitCodes.Success;
        }, cancellation));
        return list;
    }

    private static Command Revoke()
    {
        var database = Database();
        var id = new Option<string>("--id") { Description = "The credential's id as list shows it, or mpi_{id}, or the whole key", Required = true };
        var revoke = new Command("revoke", "Revoke a credential: its key is refused from then on") { database, id };
        revoke.SetAction((parse, cancellation) => WithStoreAsync(parse.GetValue(database)!, async store =>
        {
            var credential = ApiKey.IdOf(parse.GetValue(id)!);
            if (await store.RevokeAsync(credential, cancellation))
            {
                await parse.InvocationConfiguration.Output.WriteLineAsync($"revoked {credential}");
                return ExitCodes.Success;
            }
            await parse.InvocationConfiguration.Error.WriteLineAsync($"--id: no credential {credential}");
            return ExitCodes.InputError;
        }, cancellation));
        return revoke;
    }

    /// <summary>A credential store on the database file (created and migrated if new, as the service would).</summary>
    private static async Task<int> WithStoreAsync(string database, Func<CredentialStore, Task<int>> action, CancellationToken cancellation)
    {
        var target = DatabaseTarget.Of(database);
        var services = new ServiceCollection();
        if (target.IsPostgres) services.AddDbContext<MpiDbContext, PostgresMpiDbContext>(db => target.Configure(db));
        else services.AddDbContext<MpiDbContext>(db => target.Configure(db));
        services
            .AddSingleton(TimeProvider.System)
            .AddSingleton<CredentialStore>();
        await using var provider = services.BuildServiceProvider();
        await using (var scope = provider.CreateAsyncScope())
            await DatabaseInitializer.InitializeAsync(scope.ServiceProvider.GetRequiredService<MpiDbContext>(), cancellation);
        return await action(provider.GetRequiredService<CredentialStore>());
    }
}
