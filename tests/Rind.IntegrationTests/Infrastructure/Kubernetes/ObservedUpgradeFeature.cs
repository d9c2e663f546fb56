using Microsoft.AspNetCore.Http.Features;

namespace Rind.IntegrationTests.Infrastructure.Kubernetes;

/// <summary>
/// Kestrel's upgrade, with a WebSocket connection's incoming bytes watched for the client's ping
/// frames, which .NET's WebSocket answers by itself without telling.
/// </summary>
internal sealed class ObservedUpgradeFeature(IHttpUpgradeFeature upgrade, bool isWebSocket) : IHttpUpgradeFeature
{
    /// <summary>Called for each ping frame the client sends, once the session knows its request.</summary>
    public Action? OnClientPing { get; set; }

    public bool IsUpgradableRequest => upgrade.IsUpgradableRequest;

    public async Task<Stream> UpgradeAsync()
    {
        var connection = await upgrade.UpgradeAsync();
        return isWebSocket ? new WebSocketPingWatch(connection, () => OnClientPing?.Invoke()) : connection;
    }
}
