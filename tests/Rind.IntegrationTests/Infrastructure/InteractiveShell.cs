namespace Rind.IntegrationTests.Infrastructure;

/// <summary>
/// A shell of the distribution as a user runs it at a prompt, with no startup file of its own and
/// rind's completion loaded the way README says: bash with bash-completion, zsh with compinit, fish.
/// </summary>
/// <param name="Name">bash, zsh or fish: what <c>rind --completion</c> takes.</param>
/// <param name="Command">The interactive shell, reading no startup file.</param>
/// <param name="Setup">Lines typed before the test's own.</param>
public sealed record InteractiveShell(string Name, IReadOnlyList<string> Command, IReadOnlyList<string> Setup)
{
    public static readonly IReadOnlyList<string> Names = ["bash", "zsh", "fish"];

    public static InteractiveShell Of(string name) =>
        name switch
        {
            "bash" => new(name, ["bash", "--norc", "--noprofile", "-i"], ["source /usr/share/bash-completion/bash_completion", "source <(rind --completion bash)"]),
            "zsh" => new(name, ["zsh", "-f", "-i"], ["autoload -U compinit && compinit -u", "source <(rind --completion zsh)"]),
            "fish" => new(name, ["fish", "--no-config", "-i"], ["set -g fish_greeting", "rind --completion fish | source"]),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not a shell rind completes in"),
        };

    /// <summary>
    /// The shell with what the distribution loads and nothing of rind's typed in: completion comes from the
    /// files a package installed (fish reads the distribution's configuration, which puts its vendor folder on the path).
    /// </summary>
    public static InteractiveShell AsInstalled(string name) =>
        name switch
        {
            "bash" => new(name, ["bash", "--norc", "--noprofile", "-i"], ["source /usr/share/bash-completion/bash_completion"]),
            "zsh" => new(name, ["zsh", "-f", "-i"], ["autoload -U compinit && compinit -u"]),
            "fish" => new(name, ["fish", "-i"], ["set -g fish_greeting"]),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not a shell rind completes in"),
        };

    /// <summary>
    /// Starts the shell in a terminal, in <paramref name="folder"/>, with rind on PATH, HOME in a
    /// folder of its own and <paramref name="environment"/>, and waits until the setup has run.
    /// </summary>
    /// <param name="path">PATH in the shell; by default the tested rind's folder first.</param>
    public async Task<TmuxTerminal> StartAsync(string folder, string home, IReadOnlyDictionary<string, string>? environment = null, string? path = null)
    {
        var variables = new Dictionary<string, string>(environment ?? new Dictionary<string, string>())
        {
            ["PATH"] = path ?? $"{Path.GetDirectoryName(RindBinary.Path)}:{Environment.GetEnvironmentVariable("PATH")}",
            ["HOME"] = home,
            ["PS1"] = "$ ",
            ["TERM"] = "xterm-256color",
        };
        var terminal = await TmuxTerminal.StartProgramAsync(Command, variables, folder);
        try
        {
            foreach (var line in Setup)
            {
                await terminal.TypeLineAsync(line);
            }

            // Typed, the line shows setup""-done; only its output shows setup-done.
            await terminal.TypeLineAsync("echo setup\"\"-done");
            await terminal.WaitForScreenAsync("setup-done\n");
            await terminal.SendKeysAsync("C-l");
            return terminal;
        }
        catch
        {
            await terminal.DisposeAsync();
            throw;
        }
    }
}
