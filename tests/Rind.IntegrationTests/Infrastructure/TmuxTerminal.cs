using System.Globalization;

namespace Rind.IntegrationTests.Infrastructure;

/// <summary>
/// A real pseudo-terminal: a tmux server of the test's own, whose one pane runs a command line with
/// $RIND set to the binary, or an interactive bash to type command lines into. Around a command line
/// the pane records <c>stty -g</c> before and after, the PID that becomes rind, and the exit code; in
/// the shell, $TERMINAL_FILES is the folder where typed lines write the same files. The server's
/// socket lies in that folder too: tmux does not remove its socket when the server ends, and the
/// folder goes on dispose.
/// </summary>
public sealed class TmuxTerminal : IAsyncDisposable
{
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(20);

    private readonly DirectoryInfo _files = Directory.CreateTempSubdirectory("rind-it-tty-");
    private int? _serverPid;
    private int? _panePid;

    private TmuxTerminal()
    {
    }

    private string Socket => Path.Combine(_files.FullName, "tmux.sock");

    /// <param name="commandLine">A bash command line, such as <c>"$RIND" sh -c 'exit 3'</c>.</param>
    public static Task<TmuxTerminal> StartAsync(string commandLine, int columns = 80, int rows = 24) =>
        StartPaneAsync(columns, rows, files =>
            ["bash", "--norc", "--noprofile", "-c",
                $"stty -g > {files}/before; " +
                $"bash -c 'echo $$ > {files}/pid; exec {commandLine.Replace("'", "'\\''", StringComparison.Ordinal)}'; " +
                $"echo $? > {files}/exit; stty -g > {files}/after; sleep 600"]);

    /// <summary>An interactive bash, with job control as at a prompt, showing the prompt "$ ".</summary>
    public static async Task<TmuxTerminal> StartShellAsync()
    {
        var terminal = await StartPaneAsync(80, 24, _ => ["env", "PS1=$ ", "bash", "--norc", "--noprofile", "-i"]);
        await terminal.WaitForScreenAsync("$");
        return terminal;
    }

    /// <summary>Types a command line into the shell and presses Enter.</summary>
    public async Task TypeLineAsync(string line)
    {
        await SendTextAsync(line);
        await SendKeysAsync("Enter");
    }

    /// <summary>Types keys as tmux names them (Enter, C-c, C-p) or as literal text.</summary>
    public Task SendKeysAsync(params string[] keys) => TmuxAsync(["send-keys", .. keys]);

    public Task SendTextAsync(string text) => TmuxAsync("send-keys", "-l", text);

    public Task ResizeAsync(int columns, int rows) =>
        TmuxAsync("resize-window", "-x", columns.ToString(CultureInfo.InvariantCulture), "-y", rows.ToString(CultureInfo.InvariantCulture));

    public async Task<string> ScreenAsync() => (await TmuxAsync("capture-pane", "-p")).TrimEnd('\n');

    /// <summary>Waits until the screen shows <paramref name="text"/>, and returns the screen.</summary>
    public async Task<string> WaitForScreenAsync(string text, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultWait);
        while (true)
        {
            var screen = await ScreenAsync();
            if (screen.Contains(text, StringComparison.Ordinal))
            {
                return screen;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"the screen never showed \"{text}\"; it shows:\n{screen}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>The exit code of rind, once it has ended.</summary>
    public async Task<int> WaitForExitCodeAsync(TimeSpan? timeout = null) =>
        int.Parse(await WaitForFileAsync("exit", timeout), CultureInfo.InvariantCulture);

    /// <summary>The PID of rind while it runs.</summary>
    public async Task<int> RindPidAsync() => int.Parse(await WaitForFileAsync("pid", null), CultureInfo.InvariantCulture);

    /// <summary>The terminal's settings at this moment, as <c>stty -g</c> prints them.</summary>
    public async Task<string> CurrentSettingsAsync()
    {
        var tty = (await TmuxAsync("display-message", "-p", "#{pane_tty}")).Trim();
        var result = await ProcessRunner.RunAsync("stty", ["-g", "-F", tty], timeout: TimeSpan.FromSeconds(10));
        return result.ExitCode == 0 ? result.Stdout.Trim() : throw new InvalidOperationException($"stty -F {tty} failed: {result.Stderr.Trim()}");
    }

    /// <summary>The terminal's settings before rind started and after it ended, as <c>stty -g</c> prints them.</summary>
    public async Task<(string Before, string After)> TerminalSettingsAsync() =>
        (await SettingsBeforeAsync(), await WaitForFileAsync("after", null));

    /// <summary>The terminal's settings before rind started, as <c>stty -g</c> prints them.</summary>
    public Task<string> SettingsBeforeAsync() => WaitForFileAsync("before", null);

    /// <summary>
    /// Ends the pane with everything it started, by PID (a process stopped in the background of the
    /// pane's terminal would otherwise outlive it), and the tmux server; then removes the folder.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        // The pane's shell goes too, and first: once what it runs has ended, it writes its files.
        List<int> ended = _panePid is { } pane ? [pane, .. ProcessTable.Descendants(pane)] : [];
        foreach (var pid in ended)
        {
            ProcessTable.Kill(pid);
        }

        var serverEnded = (await ProcessRunner.RunAsync("tmux", ["-S", Socket, "kill-server"])).ExitCode == 0;
        if (_serverPid is { } server)
        {
            if (!serverEnded)
            {
                ProcessTable.Kill(server);
            }

            ended.Add(server);
        }

        // Nothing may still write into the folder while it is removed.
        await WaitUntilEndedAsync(ended);
        _files.Delete(recursive: true);
    }

    /// <summary>Waits, for five seconds at most, until each process has ended (a zombie has).</summary>
    private static async Task WaitUntilEndedAsync(IEnumerable<int> pids)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        foreach (var pid in pids)
        {
            while (ProcessTable.State(pid) is { } state && state != 'Z' && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }
        }
    }

    /// <summary>Any program, such as an interactive zsh, with variables of its own, in a folder of its own.</summary>
    /// <remarks>The variables go through env: tmux gives a new session's command its client's PATH whatever -e says.</remarks>
    public static Task<TmuxTerminal> StartProgramAsync(
        IReadOnlyList<string> command, IReadOnlyDictionary<string, string> environment, string workingDirectory, int columns = 100, int rows = 30) =>
        StartPaneAsync(
            columns,
            rows,
            _ => ["env", .. environment.Select(variable => $"{variable.Key}={variable.Value}"), .. command],
            ["-c", workingDirectory]);

    private static async Task<TmuxTerminal> StartPaneAsync(int columns, int rows, Func<string, string[]> command, IReadOnlyList<string>? options = null)
    {
        var terminal = new TmuxTerminal();
        var files = terminal._files.FullName;
        try
        {
            await terminal.TmuxAsync(
                ["new-session", "-d", "-x", columns.ToString(CultureInfo.InvariantCulture), "-y", rows.ToString(CultureInfo.InvariantCulture),
                    "-e", $"RIND={RindBinary.Path}", "-e", $"DOCKER_HOST={Environment.GetEnvironmentVariable("DOCKER_HOST")}",
                    "-e", $"TERMINAL_FILES={files}", .. options ?? [], .. command(files)]);
            var pids = (await terminal.TmuxAsync("display-message", "-p", "#{pid} #{pane_pid}")).Trim().Split(' ');
            terminal._serverPid = int.Parse(pids[0], CultureInfo.InvariantCulture);
            terminal._panePid = int.Parse(pids[1], CultureInfo.InvariantCulture);
            return terminal;
        }
        catch
        {
            await terminal.DisposeAsync();
            throw;
        }
    }

    private async Task<string> WaitForFileAsync(string name, TimeSpan? timeout)
    {
        var path = Path.Combine(_files.FullName, name);
        var deadline = DateTime.UtcNow + (timeout ?? DefaultWait);
        while (true)
        {
            if (File.Exists(path))
            {
                var text = (await File.ReadAllTextAsync(path)).Trim();
                if (text.Length > 0)
                {
                    return text;
                }
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"the terminal never wrote {name}; the screen shows:\n{await ScreenAsync()}");
            }

            await Task.Delay(50);
        }
    }

    private async Task<string> TmuxAsync(params string[] arguments)
    {
        var result = await ProcessRunner.RunAsync("tmux", ["-S", Socket, .. arguments], timeout: TimeSpan.FromSeconds(20));
        return result.ExitCode == 0
            ? result.Stdout
            : throw new InvalidOperationException($"tmux {string.Join(' ', arguments)} failed: {result.Stderr.Trim()}");
    }
}
