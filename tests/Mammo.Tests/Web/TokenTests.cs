using System.Net;
using Mammo.Web;

namespace Mammo.Tests.Web;

/// <summary>Off loopback every request needs the access token; on loopback none is asked for.</summary>
[Collection(WebServerGroup.Name)]
public sealed class TokenTests(WebWorld world)
{
    [RealMiasFact]
    public async Task A_server_listening_beyond_loopback_refuses_every_request_without_its_token()
    {
        await using var server = MammoServer.Create(world.Options(host: "0.0.0.0"));
        await server.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{server.Address!.Port}/") };
        var token = server.Token!;

        var bare = await client.GetAsync("/api/scans");
        var page = await client.GetAsync("/");
        var image = await client.GetAsync("/api/scans/mdb001/thumbnail");
        var wrong = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/scans") { Headers = { { "X-Mammo-Token", token[..^1] + (token[^1] == 'a' ? 'b' : 'a') } } });
        var header = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/scans") { Headers = { { "X-Mammo-Token", token } } });
        var bearer = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/scans") { Headers = { { "Authorization", "Bearer " + token } } });
        var query = await client.GetAsync($"/?token={Uri.EscapeDataString(token)}");

        Assert.Equal(HttpStatusCode.Unauthorized, bare.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, page.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, image.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.StartsWith("{\"error\":\"this server needs its access token", await bare.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, header.StatusCode);
        Assert.Equal(HttpStatusCode.OK, bearer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, query.StatusCode);
        Assert.Contains(query.Headers.GetValues("Set-Cookie"), c => c.StartsWith("mammo_token=", StringComparison.Ordinal) && c.Contains("httponly", StringComparison.OrdinalIgnoreCase));
        Assert.Contains($"token={Uri.EscapeDataString(token)}", server.Url!.ToString(), StringComparison.Ordinal);
        Assert.True(token.Length >= 40);
    }

    [RealMiasFact]
    public async Task A_given_token_is_the_one_asked_for_and_loopback_asks_for_none()
    {
        await using var server = MammoServer.Create(world.Options(host: "0.0.0.0", token: "a-token-of-my-own-choosing"));
        await server.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{server.Address!.Port}/") };

        var given = await client.GetAsync("/api/runs?token=a-token-of-my-own-choosing");
        var loopback = await world.Client.GetAsync("/api/runs");

        Assert.Equal("a-token-of-my-own-choosing", server.Token);
        Assert.Equal(HttpStatusCode.OK, given.StatusCode);
        Assert.Null(world.Server.Token);
        Assert.Equal(HttpStatusCode.OK, loopback.StatusCode);
    }

    [RealMiasFact]
    public async Task On_loopback_a_request_naming_another_host_is_refused()
    {
        var (foreign, body) = await RawHttp.GetAsync(world.Server.Address!, "/api/scans", host: "attacker.example:5173");
        var (local, _) = await RawHttp.GetAsync(world.Server.Address!, "/api/runs", host: $"localhost:{world.Server.Address!.Port}");

        Assert.Equal(403, foreign);
        Assert.Equal("{\"error\":\"this server answers requests for 127.0.0.1 or localhost only\"}", body);
        Assert.Equal(200, local);
    }
}
