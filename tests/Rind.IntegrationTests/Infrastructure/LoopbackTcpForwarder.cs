using System.Net;
using System.Net.Sockets;

namespace Rind.IntegrationTests.Infrastructure;

/// <summary>
/// Makes the engine's Unix socket reachable on a loopback TCP port, passing half-closes on in both
/// directions, so that rind's tcp:// transport is tested against the real engine.
/// </summary>
public sealed class LoopbackTcpForwarder : IAsyncDisposable
{
    private readonly Socket _listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    private readonly string _unixSocketPath;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    public LoopbackTcpForwarder(string unixSocketPath)
    {
        _unixSocketPath = unixSocketPath;
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen();
        Port = ((IPEndPoint)_listener.LocalEndPoint!).Port;
        _accepting = AcceptAsync();
    }

    public int Port { get; }

    public static LoopbackTcpForwarder ToEngine()
    {
        var host = Environment.GetEnvironmentVariable("DOCKER_HOST");
        var path = string.IsNullOrEmpty(host) ? "/var/run/docker.sock"
            : host.StartsWith("unix://", StringComparison.Ordinal) ? host["unix://".Length..]
            : throw new InvalidOperationException($"the tests' engine must listen on a Unix socket, not {host}");
        return new LoopbackTcpForwarder(path);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Dispose();
        try
        {
            await _accepting;
        }
        catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // Stopped as intended.
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptAsync(_stop.Token);
            var engine = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            await engine.ConnectAsync(new UnixDomainSocketEndPoint(_unixSocketPath), _stop.Token);
            _ = ForwardBothWaysAsync(client, engine);
        }
    }

    private async Task ForwardBothWaysAsync(Socket client, Socket engine)
    {
        using (client)
        using (engine)
        {
            await Task.WhenAll(PumpAsync(client, engine), PumpAsync(engine, client));
        }
    }

    private async Task PumpAsync(Socket from, Socket to)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            int read;
            while ((read = await from.ReceiveAsync(buffer, _stop.Token)) > 0)
            {
                await to.SendAsync(buffer.AsMemory(0, read), _stop.Token);
            }

            to.Shutdown(SocketShutdown.Send);
        }
        catch (Exception exception) when (exception is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // One side went away; the other learns it when the sockets close.
        }
    }
}
