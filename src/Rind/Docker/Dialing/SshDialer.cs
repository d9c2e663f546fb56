using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Rind.Platform;
using Rind.Transport.Dialing;

namespace Rind.Docker.Dialing;

/// <summary>
/// Connections to an ssh:// engine: each one is the local ssh client running
/// <c>docker system dial-stdio</c> on the remote host, as the Docker CLI does it, so that the user's
/// ssh configuration, keys and agent apply.
/// </summary>
internal sealed class SshDialer(SshEngineEndpoint endpoint) : IDialer
{
    /// <remarks>Starting ssh does not wait for the remote side; the deadline bounds the first answer instead.</remarks>
    public DialedConnection Dial(RequestDeadline deadline)
    {
        var start = new ProcessStartInfo("ssh")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in Arguments(endpoint))
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new Win32Exception("ssh did not start");
        }
        catch (Win32Exception exception)
        {
            throw new TransportException(
                $"{endpoint.Address} needs the OpenSSH client, and ssh cannot be run ({exception.Message}): install it (openssh-client)",
                exception);
        }

        var stream = new SshProcessStream(process, endpoint.Address);
        return new DialedConnection(stream, stream.CloseInput, stream.Abort);
    }

    /// <summary>
    /// The ssh command line: options first, then the host after --, then the remote command. ssh joins the
    /// remote command's words into one line for the remote user's shell, so each is quoted for it.
    /// </summary>
    public static IReadOnlyList<string> Arguments(SshEngineEndpoint endpoint)
    {
        List<string> arguments = ["-o", "ConnectTimeout=30", "-T"];
        if (endpoint.User is { } user)
        {
            arguments.AddRange(["-l", user]);
        }

        if (endpoint.Port is { } port)
        {
            arguments.AddRange(["-p", port.ToString(CultureInfo.InvariantCulture)]);
        }

        arguments.AddRange(["--", endpoint.Host]);
        arguments.AddRange(RemoteCommand(endpoint).Select(ShellWord.Quote));
        return arguments;
    }

    private static IEnumerable<string> RemoteCommand(SshEngineEndpoint endpoint)
    {
        yield return "docker";
        if (endpoint.SocketPath is { } path)
        {
            yield return "--host=unix://" + path;
        }

        yield return "system";
        yield return "dial-stdio";
    }
}
