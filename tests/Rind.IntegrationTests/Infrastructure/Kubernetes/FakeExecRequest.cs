namespace Rind.IntegrationTests.Infrastructure.Kubernetes;

/// <summary>
/// One request for the exec subresource and what became of it: what the client asked for, which
/// subprotocol was agreed, and what it sent during the session. The session's part fills in while it
/// runs; read it once the client has ended.
/// </summary>
public sealed class FakeExecRequest
{
    private readonly object _lock = new();
    private readonly List<(int Width, int Height)> _resizes = [];
    private string? _agreedProtocol;
    private bool _stdinEnded;
    private int? _exitCode;
    private string? _refusal;
    private int _clientPings;
    private int _serverPingsAnswered;

    internal FakeExecRequest(
        string method,
        string @namespace,
        string pod,
        string? container,
        IReadOnlyList<string> command,
        bool stdin,
        bool stdout,
        bool stderr,
        bool tty,
        string? upgrade,
        IReadOnlyList<string> offeredProtocols)
    {
        Method = method;
        Namespace = @namespace;
        Pod = pod;
        Container = container;
        Command = command;
        Stdin = stdin;
        Stdout = stdout;
        Stderr = stderr;
        Tty = tty;
        Upgrade = upgrade;
        OfferedProtocols = offeredProtocols;
    }

    public string Method { get; }

    public string Namespace { get; }

    public string Pod { get; }

    /// <summary>The <c>container</c> parameter, if given.</summary>
    public string? Container { get; }

    /// <summary>The <c>command</c> parameters, in order.</summary>
    public IReadOnlyList<string> Command { get; }

    public bool Stdin { get; }

    public bool Stdout { get; }

    public bool Stderr { get; }

    public bool Tty { get; }

    /// <summary>The Upgrade header: "websocket", "SPDY/3.1", or null for a plain request.</summary>
    public string? Upgrade { get; }

    /// <summary>
    /// The protocols the client offered, in its order: WebSocket subprotocols, or SPDY's
    /// X-Stream-Protocol-Version headers.
    /// </summary>
    public IReadOnlyList<string> OfferedProtocols { get; }

    /// <summary>The protocol the server agreed to (subprotocol, or X-Stream-Protocol-Version); null when it did not upgrade.</summary>
    public string? AgreedProtocol
    {
        get { lock (_lock) { return _agreedProtocol; } }
        internal set { lock (_lock) { _agreedProtocol = value; } }
    }

    /// <summary>Whether the client ended stdin: v5's close message (<c>[255, 0]</c>), or the FIN of SPDY's stdin stream.</summary>
    public bool StdinEnded
    {
        get { lock (_lock) { return _stdinEnded; } }
        internal set { lock (_lock) { _stdinEnded = value; } }
    }

    /// <summary>The command's exit code, once it ended; null when it never ran.</summary>
    public int? ExitCode
    {
        get { lock (_lock) { return _exitCode; } }
        internal set { lock (_lock) { _exitCode = value; } }
    }

    /// <summary>Why the server refused the request, as the status code and message it answered with; null when it did not.</summary>
    public string? Refusal
    {
        get { lock (_lock) { return _refusal; } }
        internal set { lock (_lock) { _refusal = value; } }
    }

    /// <summary>The terminal sizes the client sent on the resize channel, in order.</summary>
    public IReadOnlyList<(int Width, int Height)> Resizes
    {
        get { lock (_lock) { return [.. _resizes]; } }
    }

    /// <summary>The pings the client sent during the session: SPDY PING frames, or WebSocket ping frames.</summary>
    public int ClientPings => Volatile.Read(ref _clientPings);

    /// <summary>The server's own SPDY PINGs (<see cref="FakeClusterOptions.SpdyPingInterval"/>) the client answered.</summary>
    public int ServerPingsAnswered => Volatile.Read(ref _serverPingsAnswered);

    public override string ToString() =>
        $"{Method} exec {Namespace}/{Pod} [{string.Join(", ", Command)}] upgrade={Upgrade ?? "none"} " +
        $"offered=[{string.Join(", ", OfferedProtocols)}] agreed={AgreedProtocol ?? "none"} exit={ExitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}" +
        (Refusal is null ? "" : $" refused: {Refusal}");

    internal void AddClientPing() => Interlocked.Increment(ref _clientPings);

    internal void AddServerPingAnswered() => Interlocked.Increment(ref _serverPingsAnswered);

    internal void AddResize(int width, int height)
    {
        lock (_lock)
        {
            _resizes.Add((width, height));
        }
    }
}
