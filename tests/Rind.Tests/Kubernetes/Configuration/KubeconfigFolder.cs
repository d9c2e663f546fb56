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

    /// <summary>
    /// An environment where KUBECONFIG is <paramref name="kubeconfig"/>, run from this folder, with PATH as given
    /// or as the tests run with.
    /// </summary>
    public FakeEnvironment Environment(string kubeconfig, string? searchPath = null) =>
        new(("KUBECONFIG", kubeconfig), ("HOME", PathOf("no-home")), ("PATH", searchPath ?? System.Environment.GetEnvironmentVariable("PATH") ?? ""))
        {
            CurrentDirectory = Root,
        };

    public ClusterAccess Resolve(string kubeconfig, string? context = null, string? namespaceName = null, bool terminal = false, string? searchPath = null) =>
        KubeconfigResolver.Resolve(Environment(kubeconfig, searchPath), context, namespaceName, Streams, new FakeTerminal(terminal));

    /// <summary>An executable shell script in this folder.</summary>
    public string WriteScript(string name, string body)
    {
        var path = Write(name, $"#!/bin/sh\n{body}\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    public string Refusal(string kubeconfig, string? context = null) =>
        Assert.Throws<RindException>(() => Resolve(kubeconfig, context)).Message;

    public void Dispose() => _directory.Delete(recursive: true);
}
