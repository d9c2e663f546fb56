using System.Net;
using System.Net.Sockets;

namespace Rind.IntegrationTests.Infrastructure;

/// <summary>
/// A loopback TCP port that forwards each connection to a target, passing half-closes on in both
/// directions: the engine's Unix socket, so that rind's tcp:// transport is tested against the real
/// engine; or another loopback port, dropping a connection (both sides, at once) once no byte went
/// either way for an idle limit, as a load balancer or NAT with an idle timeout would.
/// </summary>
public sealed class LoopbackTcpForwarder : IAsyncDisposable
{
    private readonly Socket _listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    private readonly Func<CancellationToken, Task<Socket>> _connect;
    private readonly TimeSpan? _idleLimit;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private int _dropped;

    private LoopbackTcpForwarder(Func<CancellationToken, Task<Socket>> connect, TimeSpan? idleLimit)
    {
        _connect = connect;
        _idleLimit = idleLimit;
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen();
        Port = ((IPEndPoint)_listener.LocalEndPoint!).Port;
        _accepting = AcceptAsync();
    }

    public int Port { get; }

    /// <summary>How many connections it dropped for idleness.</summary>
    public int Dropped => Volatile.Read(ref _dropped);

    public static LoopbackTcpForwarder ToEngine()
    {
        var host = Environment.GetEnvironmentVariable("DOCKER_HOST");
        var path = string.IsNullOrEmpty(host) ? "/var/run/docker.sock"
            : host.StartsWith("unix://", StringComparison.Ordinal) ? host["unix://".Length..]
            : throw new InvalidOperationException($"the tests' engine must listen on a Unix socket, not {host}");
        return new LoopbackTcpForwarder(
            async stop =>
            {
                var engine = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                await engine.ConnectAsync(new UnixDomainSocketEndPoint(path), stop);
                return engine;
            },
            idleLimit: null);
    }

    /// <summary>A forwarder to another loopback port that drops connections idle for <paramref name="idleLimit"/>.</summary>
    public static LoopbackTcpForwarder DroppingIdle(int targetPort, TimeSpan idleLimit) =>
        new(
            async stop =>
            {
                var target = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                using var connecting = CancellationTokenSource.CreateLinkedTokenSource(stop);
                connecting.CancelAfter(TimeSpan.FromSeconds(10));
                await target.ConnectAsync(new IPEndPoint(IPAddress.Loopback, targetPort), connecting.Token);
                return target;
            },
            idleLimit);

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
            var target = await _connect(_stop.Token);
            _ = ForwardAsync(client, target);
        }
    }

    private async Task ForwardAsync(Socket client, Socket target)
    {
        using (client)
        using (target)
        using (var connection = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token))
        {
            var lastByte = Environment.TickCount64;
            var pumps = Task.WhenAll(
                PumpAsync(client, target, () => Volatile.Write(ref lastByte, Environment.TickCount64), connection.Token),
                PumpAsync(target, client, () => Volatile.Write(ref lastByte, Environment.TickCount64), connection.Token));
            if (_idleLimit is not { } limit)
            {
                await pumps;
                return;
            }

            while (!pumps.IsCompleted)
            {
                await Task.WhenAny(pumps, Task.Delay(TimeSpan.FromMilliseconds(100), connection.Token));
                if (!pumps.IsCompleted && Environment.TickCount64 - Volatile.Read(ref lastByte) > limit.TotalMilliseconds)
                {
                    // Closed, not shut down: the client sees the connection reset, as when a middlebox forgets it.
                    Interlocked.Increment(ref _dropped);
                    client.LingerState = new LingerOption(true, 0);
                    target.LingerState = new LingerOption(true, 0);
                    await connection.CancelAsync();
                    break;
                }
            }
        }
    }

    private static async Task PumpAsync(Socket from, Socket to, Action moved, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            int read;
            while ((read = await from.ReceiveAsync(buffer, cancellationToken)) > 0)
            {
                moved();
                await to.SendAsync(buffer.AsMemory(0, read), cancellationToken);
            }

            to.Shutdown(SocketShutdown.Send);
        }
        catch (Exception exception) when (exception is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // One side went away, or the connection was dropped; the other learns it when the sockets close.
        }
    }
}
