namespace Rind.IntegrationTests.Infrastructure.Kubernetes;

/// <summary>What the fake cluster holds and has seen, shared by the server's requests; every member is safe to use from any thread.</summary>
internal sealed class FakeClusterState(FakeClusterOptions options, ClusterCertificates certificates)
{
    private readonly object _lock = new();
    private readonly SortedDictionary<(string Namespace, string Name), FakePod> _pods = [];
    private readonly HashSet<string> _namespaces = ["default", "kube-system", "kube-public"];
    private readonly List<FakeApiRequest> _requests = [];
    private readonly List<FakeExecRequest> _execRequests = [];
    private readonly CancellationTokenSource _stopping = new();
    private long _resourceVersion = 1;

    public FakeClusterOptions Options { get; } = options;

    public ClusterCertificates Certificates { get; } = certificates;

    /// <summary>Cancelled as the cluster stops: ends the exec sessions that would not end by themselves.</summary>
    public CancellationToken Stopping => _stopping.Token;

    /// <summary>host:port, as the server names itself in discovery.</summary>
    public string ServerAddress { get; set; } = "";

    public long ResourceVersion
    {
        get { lock (_lock) { return _resourceVersion; } }
    }

    public IReadOnlyList<FakeApiRequest> Requests
    {
        get { lock (_lock) { return [.. _requests]; } }
    }

    public IReadOnlyList<FakeExecRequest> ExecRequests
    {
        get { lock (_lock) { return [.. _execRequests]; } }
    }

    public void Stop() => _stopping.Cancel();

    public void Record(FakeApiRequest request)
    {
        lock (_lock)
        {
            _requests.Add(request);
        }
    }

    public void Record(FakeExecRequest request)
    {
        lock (_lock)
        {
            _execRequests.Add(request);
        }
    }

    /// <summary>Adds a pod, or replaces the one of the same namespace and name; its namespace exists from then on.</summary>
    public void Put(FakePod pod)
    {
        lock (_lock)
        {
            _pods[(pod.Namespace, pod.Name)] = pod;
            _namespaces.Add(pod.Namespace);
            _resourceVersion++;
        }
    }

    public bool Remove(string @namespace, string name)
    {
        lock (_lock)
        {
            _resourceVersion++;
            return _pods.Remove((@namespace, name));
        }
    }

    public void AddNamespace(string name)
    {
        lock (_lock)
        {
            _namespaces.Add(name);
        }
    }

    /// <summary>The namespaces, in the order of their names, as a list request returns them.</summary>
    public IReadOnlyList<string> Namespaces()
    {
        lock (_lock)
        {
            return [.. _namespaces.Order(StringComparer.Ordinal)];
        }
    }

    public bool NamespaceExists(string name)
    {
        lock (_lock)
        {
            return _namespaces.Contains(name);
        }
    }

    public FakePod? Pod(string @namespace, string name)
    {
        lock (_lock)
        {
            return _pods.GetValueOrDefault((@namespace, name));
        }
    }

    /// <summary>The pods of one namespace, or of all with null, in the API server's order (namespace, then name).</summary>
    public IReadOnlyList<FakePod> Pods(string? @namespace)
    {
        lock (_lock)
        {
            return [.. _pods.Values.Where(pod => @namespace is null || pod.Namespace == @namespace)];
        }
    }
}
