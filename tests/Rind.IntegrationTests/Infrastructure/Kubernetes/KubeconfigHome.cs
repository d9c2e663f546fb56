using System.Diagnostics;

namespace Rind.IntegrationTests.Infrastructure.Kubernetes;

/// <summary>
/// A home folder of a test's own, holding kubeconfigs for fake clusters, in which rind runs in
/// Kubernetes mode: HOME is this folder, KUBECONFIG the kubeconfig written last (or unset, for
/// ~/.kube/config), and nothing of the caller's own mode settings (RIND_KUBE, RIND_CONTAINER) leaks in.
/// </summary>
public sealed class KubeconfigHome : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("rind-it-kubehome-");

    public string Path => _folder.FullName;

    /// <summary>~/.kube/config of this home.</summary>
    public string DefaultKubeconfigPath => System.IO.Path.Combine(Path, ".kube", "config");

    /// <summary>The KUBECONFIG rind gets: the kubeconfig written last; null leaves it unset.</summary>
    public string? Kubeconfig { get; set; }

    /// <summary>Writes a kubeconfig for <paramref name="cluster"/> in this home, and makes it the one rind uses.</summary>
    /// <param name="fileName">Its name in the home; null writes ~/.kube/config.</param>
    public FakeKubeconfig Write(FakeCluster cluster, FakeKubeconfigOptions? options = null, string? fileName = null)
    {
        var path = fileName is null ? DefaultKubeconfigPath : System.IO.Path.Combine(Path, fileName);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        var written = cluster.WriteKubeconfig(path, options);
        Kubeconfig = path;
        return written;
    }

    /// <summary>The variables rind runs with, beside the test process's own; <paramref name="extra"/> adds or (null) removes some.</summary>
    public Dictionary<string, string?> Environment(IReadOnlyDictionary<string, string?>? extra = null)
    {
        var environment = new Dictionary<string, string?>
        {
            ["HOME"] = Path,
            ["KUBECONFIG"] = Kubeconfig,
            ["RIND_KUBE"] = null,
            ["RIND_CONTAINER"] = null,
            ["RIND_SERVICE"] = null,
            ["RIND"] = RindBinary.Path,
        };
        foreach (var (name, value) in extra ?? new Dictionary<string, string?>())
        {
            environment[name] = value;
        }

        return environment;
    }

    /// <summary>Runs <c>rind --kube ARGUMENTS</c> to its end.</summary>
    public Task<ProcessResult> RunAsync(
        IEnumerable<string> arguments, byte[]? stdin = null, IReadOnlyDictionary<string, string?>? extra = null, TimeSpan? timeout = null) =>
        RunWithoutOptionAsync(["--kube", .. arguments], stdin, extra, timeout);

    /// <summary>Runs rind with these arguments as they are, for the ways of turning Kubernetes mode on without --kube.</summary>
    public Task<ProcessResult> RunWithoutOptionAsync(
        IEnumerable<string> arguments, byte[]? stdin = null, IReadOnlyDictionary<string, string?>? extra = null, TimeSpan? timeout = null) =>
        RindBinary.RunAsync(arguments, stdin, Environment(extra), timeout ?? TimeSpan.FromSeconds(30));

    /// <summary>Runs a bash script in which $RIND is the binary, in this home, for pipes and redirections.</summary>
    public Task<ProcessResult> RunInShellAsync(string script, TimeSpan? timeout = null) =>
        ProcessRunner.RunAsync("/bin/bash", ["-c", script], environment: Environment(), timeout: timeout ?? TimeSpan.FromSeconds(30));

    /// <summary>
    /// Starts <c>rind --kube ARGUMENTS</c> as a foreground program would be, with SIGINT, SIGQUIT and
    /// SIGHUP at their defaults (a test run started in the background of a script, or under nohup, has them ignored, and rind
    /// keeps a signal ignored that it was started with): perl puts them back, then becomes rind.
    /// </summary>
    public Process Start(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("perl")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["-e", "$SIG{INT} = $SIG{QUIT} = $SIG{HUP} = 'DEFAULT'; exec @ARGV or die \"exec: $!\"", RindBinary.Path, "--kube", .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in Environment())
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        return Process.Start(start)!;
    }

    /// <summary>
    /// The prefix of a tmux command line that gives rind this home: <c>env HOME=… KUBECONFIG=…</c>, so
    /// that the line's <c>exec</c> still makes its process rind.
    /// </summary>
    public string EnvPrefix() =>
        $"env -u RIND_KUBE -u RIND_CONTAINER HOME={ShellQuote(Path)}" + (Kubeconfig is null ? " -u KUBECONFIG" : $" KUBECONFIG={ShellQuote(Kubeconfig)}");

    public void Dispose() => _folder.Delete(recursive: true);

    private static string ShellQuote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
