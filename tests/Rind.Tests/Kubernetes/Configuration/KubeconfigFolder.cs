using Rind.Kubernetes;
using Rind.Kubernetes.Configuration;
using Rind.Tests.Fakes;

namespace Rind.Tests.Kubernetes.Configuration;

/// <summary>A temporary folder of kubeconfig files and what they name, removed after the test.</summary>
internal sealed class KubeconfigFolder : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("rind-kubeconfig-");

    public string Root => _directory.FullName;

    public FakeStandardStreams Streams { get; } = new();

    public string PathOf(string name) => Path.Combine(Root, name);

    public string Write(string name, string content)
    {
        var path = PathOf(name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>An environment where KUBECONFIG is <paramref name="kubeconfig"/>, run from this folder.</summary>
    public FakeEnvironment Environment(string kubeconfig, params (string Name, string Value)[] more) =>
        new([("KUBECONFIG", kubeconfig), ("HOME", PathOf("no-home")), ("PATH", System.Environment.GetEnvironmentVariable("PATH") ?? ""), .. more])
        {
            CurrentDirectory = Root,
        };

    public ClusterAccess Resolve(string kubeconfig, string? context = null, string? namespaceName = null, bool terminal = false) =>
        KubeconfigResolver.Resolve(Environment(kubeconfig), context, namespaceName, Streams, new FakeTerminal(terminal));

    public string Refusal(string kubeconfig, string? context = null) =>
        Assert.Throws<RindException>(() => Resolve(kubeconfig, context)).Message;

    public void Dispose() => _directory.Delete(recursive: true);
}
