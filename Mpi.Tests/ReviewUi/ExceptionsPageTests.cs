using Grpc.Core;
using Microsoft.Playwright;
using Mpi.Contracts.V1;

namespace Mpi.Tests.ReviewUi;

/// <summary>
/// The stewards' exception page (issue 15, item 2): the registrations a registry's interface sent that were refused,
/// per registry, with what was received and why; resolved by hand with a note, or closed by the corrected message.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ExceptionsPageTests(ReviewUiService service, Chromium chromium) : IClassFixture<ReviewUiService>
{
    private async Task RefuseAsync(string registry, string localId, string birthDate)
    {
        var refused = await Assert.ThrowsAsync<RpcException>(() => new RegistrationService.RegistrationServiceClient(service.Channel).RegisterAsync(Request(registry, localId, birthDate)).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
    }

    private static RegisterRequest Request(string registry, string localId, string birthDate) => new()
    {
        Key = new RecordKey { Registry = registry, LocalId = localId }, MessageId = $"msg-{localId}",
        Demographics = new Demographics { GivenName = "Araminta", FamilyName = "Pellowe", BirthDate = birthDate, Sex = "F", City = "Fremantle" },
    };

    [Fact]
    public async Task ExceptionsPage_StewardReadsWhyAndResolvesOneWithANote_TheCorrectedMessageClosesTheOther()
    {
        await RefuseAsync("EXC_UI", "X-1", "1988-02-31");
        await RefuseAsync("EXC_UI", "X-2", "2199-05-05");
        var page = await chromium.OpenAsync(service, ReviewUiService.Steward, "/steward/exceptions?registry=EXC_UI");

        await Assertions.Expect(page.Locator("#exception-registries tr[data-registry='EXC_UI']")).ToContainTextAsync("2");
        var first = page.Locator("section.exception", new PageLocatorOptions { HasText = "EXC_UI / X-1" });
        await Assertions.Expect(first.Locator(".violations")).ToContainTextAsync("demographics.birth_date: impossible date");
        await Assertions.Expect(first.Locator(".receipts")).ToContainTextAsync("1988-02-31");
        await Assertions.Expect(first.Locator(".meta")).ToContainTextAsync("message id msg-X-1");
        await Screenshots.SaveAsync(page, "exceptions");

        await first.Locator("textarea[name=note]").FillAsync("closed at source: a test patient");
        await first.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("section.exception")).ToHaveCountAsync(1);
        await new RegistrationService.RegistrationServiceClient(service.Channel).RegisterAsync(Request("EXC_UI", "X-2", "1999-05-05"));

        await page.GotoAsync("/steward/exceptions?registry=EXC_UI&resolved=true");
        var resolved = page.Locator("section.exception");
        await Assertions.Expect(resolved).ToHaveCountAsync(2);
        await Assertions.Expect(resolved.Filter(new LocatorFilterOptions { HasText = "X-1" })).ToContainTextAsync($"resolved by hand by user:{ReviewUiService.Steward}");
        await Assertions.Expect(resolved.Filter(new LocatorFilterOptions { HasText = "X-1" })).ToContainTextAsync("Note: closed at source: a test patient");
        await Assertions.Expect(resolved.Filter(new LocatorFilterOptions { HasText = "X-2" })).ToContainTextAsync("closed: corrected message registered");
        await page.GotoAsync("/steward/exceptions");
        await Assertions.Expect(page.Locator("#exception-registries tr[data-registry='EXC_UI']")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task ExceptionsPage_EmptyNote_IsRefusedAndTheExceptionStaysOpen()
    {
        await RefuseAsync("EXC_NOTE", "N-1", "1988-02-31");
        var page = await chromium.OpenAsync(service, ReviewUiService.Steward, "/steward/exceptions?registry=EXC_NOTE");
        // The browser's own required check would stop the form; the server must refuse it as well.
        await page.EvalOnSelectorAsync("textarea[name=note]", "e => e.removeAttribute('required')");

        await page.ClickAsync("section.exception button[type=submit]");

        await Assertions.Expect(page.Locator(".alert")).ToContainTextAsync("say why");
        await Assertions.Expect(page.Locator("section.exception")).ToHaveCountAsync(1);
    }
}
