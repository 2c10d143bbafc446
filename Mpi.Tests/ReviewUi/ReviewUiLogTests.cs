using Mpi.Contracts.V1;
using Mpi.ReviewUi.Accounts;
using Mpi.Tests.Service.Crash;

namespace Mpi.Tests.ReviewUi;

/// <summary>
/// The quick start as an operator runs it — one process, the development steward printed once — and the proof that
/// working through the pages writes no demographics to the log.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReviewUiLogTests(Chromium chromium) : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("mpi-ui-log-");

    /// <summary>A made-up patient's values rare enough to spot in a log (numbers left out: a port number could hold them).</summary>
    private static readonly string[] Demographics = ["Ysolde", "Pennefather", "1938-07-19", "Quandong", "Jarrah", "Armadale", "Broome"];

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }

    [Fact]
    public async Task Pages_StewardWorksATaskThroughEveryPage_LogHoldsNoDemographics()
    {
        using var service = await ServiceProcess.StartAsync(Path.Combine(_folder.FullName, "mpi.db"), Timeout);
        var password = service.DevelopmentStewardPassword;
        Assert.NotNull(password);
        using var channel = service.ChannelWith(service.DevelopmentKey!);
        var registration = new RegistrationService.RegistrationServiceClient(channel);
        await registration.RegisterAsync(Request("NORTH_HOSP", "N-1", "41 Quandong Way", "Armadale", "6112"));
        var uncertain = await registration.RegisterAsync(Request("SOUTH_LAB", "S-1", "88 Jarrah Street", "Broome", "6725"));
        Assert.Equal(Decision.Review, uncertain.Decision);

        var page = await chromium.NewPageAsync(await service.UiAddressAsync(Timeout));
        await page.SignInAsync(FirstSteward.DevelopmentUserName, password);
        await page.GotoAsync("/queue?size=100");
        await page.Keyboard.PressAsync("o");
        await page.WaitForURLAsync($"**/tasks/{uncertain.ReviewTaskId}");
        Assert.Contains("Pennefather", await page.ContentAsync(), StringComparison.Ordinal);
        await page.FillAsync("#reason", "checked with the patient");
        await page.Keyboard.PressAsync("Escape");
        await page.Keyboard.PressAsync("s");
        await page.WaitForURLAsync("**?done=true");
        await page.ClickAsync("#resolved-person");
        await page.WaitForURLAsync("**/persons/**");
        await page.GotoAsync("/steward/thresholds");
        await page.GotoAsync("/steward/versions");

        var log = service.Output;
        foreach (var value in Demographics) Assert.DoesNotContain(value, log, StringComparison.OrdinalIgnoreCase);
    }

    private static RegisterRequest Request(string registry, string localId, string address, string city, string postal) => new()
    {
        Key = new RecordKey { Registry = registry, LocalId = localId },
        Demographics = new Demographics
        {
            GivenName = "Ysolde", FamilyName = "Pennefather", BirthDate = "1938-07-19", Sex = "F", AddressLine = address, City = city, PostalCode = postal,
            NationalId = Mpi.Tests.Service.SomeNationalIds.For(localId),
        },
    };
}
