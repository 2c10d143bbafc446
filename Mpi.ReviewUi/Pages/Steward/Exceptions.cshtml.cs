using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mpi.ReviewUi.Accounts;
using Mpi.ReviewUi.Desks;

namespace Mpi.ReviewUi.Pages.Steward;

/// <summary>
/// The exception queue per registry: the registrations the service refused as invalid, what was received and why,
/// until the registry re-sends the corrected message or a steward resolves one by hand with a note.
/// </summary>
public sealed class ExceptionsModel(IExceptionDesk desk) : PageModel
{
    public IReadOnlyList<ExceptionRegistry> Registries { get; private set; } = [];
    public IReadOnlyList<ExceptionRow> Rows { get; private set; } = [];

    /// <summary>The registry shown (its code, or <see cref="ExceptionRegistry.None"/>); null: none chosen yet.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Registry { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Resolved { get; set; }

    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellation) => await LoadAsync(cancellation);

    public async Task<IActionResult> OnPostResolveAsync(long id, string? note, CancellationToken cancellation)
    {
        var result = await desk.ResolveAsync(id, note ?? "", User.Actor(), cancellation);
        if (result.Succeeded) return Redirect($"/steward/exceptions?registry={Uri.EscapeDataString(Registry ?? "")}");
        Problem = result.Message;
        await LoadAsync(cancellation);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellation)
    {
        Registries = await desk.OpenByRegistryAsync(cancellation);
        if (Registry is null && Registries.Count > 0) Registry = Name(Registries[0].Registry);
        if (Registry is not null) Rows = await desk.ListAsync(Registry == ExceptionRegistry.None ? "" : Registry, Resolved, cancellation);
    }

    /// <summary>How the page names a registry (the exceptions kept under none have a name of their own).</summary>
    public static string Name(string registry) => registry.Length == 0 ? ExceptionRegistry.None : registry;
}
