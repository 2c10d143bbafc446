using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Mpi.Service.Persistence;

namespace Mpi.Tests.Service.Replicas;

/// <summary>
/// The review UI behind a load balancer without sticky sessions: two <c>serve</c> processes on one PostgreSQL database,
/// each in a working folder of its own. The sign-in form one replica served is accepted by the other, and the cookie
/// the other set opens the queue on the first: the keys that seal cookies and anti-forgery tokens are the database's,
/// not each replica's, and the first replica to start makes the one key the others use.
/// </summary>
public sealed partial class ReplicaUiSessionTests
{
    [Fact]
    public async Task SignIn_FormFromOneReplicaPostedToTheOther_ItsCookieOpensTheQueueOnTheFirst()
    {
        await using var replicas = await ServeProcesses.LaunchAsync(2);
        // Started one after the other, the second found the key the first made at its start (ASP.NET reads the ring, and
        // makes its first key, while the host starts): one key, before anyone signed in.
        await using (var db = replicas.OpenDatabase())
            Assert.Equal(1, await ((PostgresMpiDbContext)db).DataProtectionKeys.CountAsync());
        var password = replicas[0].DevelopmentStewardPassword ?? throw new InvalidOperationException($"no steward password:\n{replicas[0].Output}");
        var first = await replicas[0].UiAddressAsync(ServeProcesses.StartTimeout);
        var second = await replicas[1].UiAddressAsync(ServeProcesses.StartTimeout);
        // Cookies do not tell ports apart: one container carries them to both replicas, as a browser would to one host name.
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() });

        var form = await browser.GetStringAsync($"{first}/login");
        using var signIn = await browser.PostAsync($"{second}/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = "steward", ["password"] = password, ["__RequestVerificationToken"] = Token().Match(form).Groups[1].Value,
        }));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.DoesNotContain("/login", signIn.Headers.Location!.ToString(), StringComparison.Ordinal);

        using var queue = await browser.GetAsync($"{first}/queue?size=100");
        Assert.Equal(HttpStatusCode.OK, queue.StatusCode);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
