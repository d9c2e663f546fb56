using Rind.Backends;
using Rind.Docker.Models;
using Rind.Docker.Streams;
using Rind.Transport.Dialing;

namespace Rind.Docker.DevContainers;

/// <summary>
/// Asks a shell of the remote user, started as userEnvProbe says (a login interactive shell by
/// default), for its environment: what its profile files add, as the dev container tools do before
/// they run a command. One exec, with no input; nothing is written into the container.
/// </summary>
internal static class UserEnvironmentProbe
{
    /// <summary>The most output read; an environment is a few KiB.</summary>
    private const int MaxOutput = 1024 * 1024;

    /// <summary>
    /// Runs the user's login shell from /etc/passwd (/bin/sh when it names none that runs), which prints
    /// its environment between markers. stdin is /dev/null, so that a profile that reads input ends.
    /// </summary>
    private const string Script =
        """
        rind_user=$(id -un 2>/dev/null)
        rind_shell=$(grep "^$rind_user:" /etc/passwd 2>/dev/null | cut -d: -f7)
        [ -n "$rind_shell" ] && [ -x "$rind_shell" ] || rind_shell=/bin/sh
        exec "$rind_shell" "$1" "printf %s $2; cat /proc/self/environ; printf %s $2" </dev/null
        """;

    /// <param name="user">The user whose shell is asked; null for the container's.</param>
    /// <param name="patience">How long the probe may take (RIND_TIMEOUT); its shell is then left behind.</param>
    /// <exception cref="CallTimeoutException">The shell did not end within <paramref name="patience"/>.</exception>
    /// <returns>KEY=VALUE pairs; null when the shell printed no environment.</returns>
    public static IReadOnlyList<string>? Run(IDockerEngine engine, string containerId, string? user, UserEnvProbe probe, TimeSpan patience)
    {
        var flags = probe switch
        {
            UserEnvProbe.LoginShell => "-lc",
            UserEnvProbe.InteractiveShell => "-ic",
            _ => "-lic",
        };
        var marker = $"rind-environment-{Guid.NewGuid():N}";
        var execId = engine.CreateExec(containerId, new ExecCreateRequest
        {
            AttachStdout = true,
            AttachStderr = true,
            Cmd = ["/bin/sh", "-c", Script, "rind", flags, marker],
            User = user,
        });
        using var stream = engine.StartExec(execId, new ExecStartRequest { Detach = false, Tty = false });

        // A profile that never ends must not hold rind: the connection is broken off when the time is up.
        using var deadline = new RequestDeadline(patience);
        using var abort = deadline.OnExpiry(stream.Abort);
        var reader = new MultiplexedStreamReader(new BufferedStream(stream));
        var output = new MemoryStream();
        var buffer = new byte[64 * 1024];
        try
        {
            for (var chunk = reader.Read(buffer); !chunk.IsEnd && output.Length < MaxOutput; chunk = reader.Read(buffer))
            {
                if (chunk.Kind == StreamKind.Stdout)
                {
                    output.Write(buffer, 0, chunk.Length);
                }
            }
        }
        catch (Exception exception) when (deadline.HasPassed && exception is IOException or ObjectDisposedException)
        {
            throw new CallTimeoutException(deadline.Limit, exception);
        }

        return ProbedEnvironment.Parse(output.GetBuffer().AsSpan(0, (int)output.Length), marker);
    }
}
