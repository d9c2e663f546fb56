using System.Net;
using System.Net.Sockets;

namespace Rind.IntegrationTests.Infrastructure;

/// <summary>
/// A TCP forwarder on a loopback port to another loopback port, which drops a connection (both
/// sides, at once) once no byte went either way for <see cref="IdleLimit"/>: a load balancer or
/// NAT with an idle timeout, between a client and the fake cluster.
/// </summary>
public sealed class IdleDroppingProxy : IAsyncDisposable
{
    private readonly Socket _listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    private readonly int _targetPort;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private int _dropped;

    public IdleDroppingProxy(int targetPort, TimeSpan idleLimit)
    {
        _targetPort = targetPort;
        IdleLimit = idleLimit;
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen();
        Port = ((IPEndPoint)_listener.LocalEndPoint!).Port;
        _accepting = AcceptAsync();
    }

    public int Port { get; }

    public TimeSpan IdleLimit { get; }

    /// <summary>How many connections it dropped for idleness.</summary>
    public int Dropped => Volatile.Read(ref _dropped);

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
            var target = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            using var connecting = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            connecting.CancelAfter(TimeSpan.FromSeconds(10));
            await target.ConnectAsync(new IPEndPoint(IPAddress.Loopback, _targetPort), connecting.Token);
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
                PumpAsync(client, target, () => lastByte = Environment.TickCount64, connection.Token),
                PumpAsync(target, client, () => lastByte = Environment.TickCount64, connection.Token));
            while (!pumps.IsCompleted)
            {
                await Task.WhenAny(pumps, Task.Delay(TimeSpan.FromMilliseconds(100), connection.Token));
                if (!pumps.IsCompleted && Environment.TickCount64 - Volatile.Read(ref lastByte) > IdleLimit.TotalMilliseconds)
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
            // One side went away, or the connection was dropped.
        }
    }
}
