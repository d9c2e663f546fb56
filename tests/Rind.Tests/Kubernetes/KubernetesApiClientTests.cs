using System.Net.WebSockets;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using Rind.Kubernetes;
using Rind.Kubernetes.Api;
using Rind.Tests.Fakes;
using Rind.Transport.Http;

namespace Rind.Tests.Kubernetes;

public sealed class KubernetesApiClientTests
{
    private const string TwoPods = """
        {"kind":"PodList","apiVersion":"v1","metadata":{"resourceVersion":"81"},"items":[
          {"metadata":{"name":"web-7d4f","namespace":"shop","labels":{"app.rind":""},
                       "annotations":{"app.rind":". venv/bin/activate","kubectl.kubernetes.io/default-container":"app"}},
           "spec":{"containers":[{"name":"sidecar","image":"envoy"},{"name":"app","image":"python:3.12"}]},
           "status":{"phase":"Running","conditions":[{"type":"Initialized","status":"True"},{"type":"Ready","status":"True"}]}},
          {"metadata":{"name":"web-old","labels":{"app.rind":""},"deletionTimestamp":"2025-01-01T00:00:00Z"},
           "spec":{"containers":[{"name":"app"}]},
           "status":{"phase":"Running","conditions":[{"type":"Ready","status":"False"}]}}
        ]}
        """;

    private const string Forbidden = """
        {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure",
         "message":"pods is forbidden: User \"dev\" cannot list resource \"pods\" in API group \"\" in the namespace \"shop\"",
         "reason":"Forbidden","details":{"kind":"pods"},"code":403}
        """;

    [Fact(Timeout = 10_000)]
    public async Task The_pod_list_is_one_get_with_the_label_selector_and_the_bearer_token()
    {
        await using var server = LoopbackApiServer.Start(_ => ApiResponse.Json(200, """{"items":[]}"""));
        using var client = Client(server);

        await Task.Run(() => client.ListPods("shop", "app.rind"));

        var request = Assert.Single(server.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal("/api/v1/namespaces/shop/pods", request.Path);
        Assert.Equal(["app.rind"], request.Query("labelSelector"));
        Assert.Equal("Bearer t0ken", request.Header("Authorization"));
    }

    [Fact(Timeout = 10_000)]
    public async Task The_pods_are_read_into_summaries()
    {
        await using var server = LoopbackApiServer.Start(_ => ApiResponse.Json(200, TwoPods));
        using var client = Client(server);

        var pods = await Task.Run(() => client.ListPods("shop", "app.rind"));

        Assert.Equal(2, pods.Count);
        Assert.Equal("web-7d4f", pods[0].Name);
        Assert.True(pods[0].IsRunning);
        Assert.Equal(["sidecar", "app"], pods[0].Containers);
        Assert.Equal(". venv/bin/activate", pods[0].Annotations["app.rind"]);
        Assert.Equal("", pods[0].Labels["app.rind"]);
        Assert.True(pods[1].Deleting);
        Assert.False(pods[1].Ready);
        Assert.False(pods[1].IsRunning);
    }

    [Fact(Timeout = 10_000)]
    public async Task A_refused_list_says_the_servers_own_message_in_one_line()
    {
        await using var server = LoopbackApiServer.Start(_ => ApiResponse.Json(403, Forbidden));
        using var client = Client(server);

        var failure = await Task.Run(() => Assert.Throws<RindException>(() => client.ListPods("shop", "app.rind")));

        Assert.StartsWith($"the cluster at {server.Address.GetLeftPart(UriPartial.Authority)} refused the list of pods in namespace shop (HTTP 403): ", failure.Message, StringComparison.Ordinal);
        Assert.EndsWith("pods is forbidden: User \"dev\" cannot list resource \"pods\" in API group \"\" in the namespace \"shop\"", failure.Message, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.RindFailure, failure.ExitCode);
    }

    [Fact(Timeout = 10_000)]
    public async Task The_namespaces_are_one_get_read_into_their_names()
    {
        await using var server = LoopbackApiServer.Start(_ => ApiResponse.Json(200, """
            {"kind":"NamespaceList","apiVersion":"v1","metadata":{"resourceVersion":"12"},"items":[
              {"metadata":{"name":"default","uid":"1"},"spec":{"finalizers":["kubernetes"]},"status":{"phase":"Active"}},
              {"metadata":{"name":"shop","labels":{"team":"web"}},"status":{"phase":"Active"}}
            ]}
            """));
        using var client = Client(server);

        var names = await Task.Run(client.ListNamespaces);

        Assert.Equal(["default", "shop"], names);
        var request = Assert.Single(server.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal("/api/v1/namespaces", request.Path);
        Assert.Equal("Bearer t0ken", request.Header("Authorization"));
    }

    [Fact(Timeout = 10_000)]
    public async Task A_refused_list_of_namespaces_says_the_servers_own_message_in_one_line()
    {
        await using var server = LoopbackApiServer.Start(_ => ApiResponse.Json(403, """
            {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure",
             "message":"namespaces is forbidden: User \"dev\" cannot list resource \"namespaces\" in API group \"\" at the cluster scope",
             "reason":"Forbidden","details":{"kind":"namespaces"},"code":403}
            """));
        using var client = Client(server);

        var failure = await Task.Run(() => Assert.Throws<RindException>(() => client.ListNamespaces()));

        Assert.Equal(
            $"the cluster at {server.Address.GetLeftPart(UriPartial.Authority)} refused the list of namespaces (HTTP 403): " +
            "namespaces is forbidden: User \"dev\" cannot list resource \"namespaces\" in API group \"\" at the cluster scope",
            failure.Message);
        Assert.Equal(ExitCodes.RindFailure, failure.ExitCode);
    }

    [Fact(Timeout = 10_000)]
    public async Task A_missing_namespace_is_told_in_the_servers_words()
    {
        await using var server = LoopbackApiServer.Start(_ => ApiResponse.Json(404, """{"kind":"Status","status":"Failure","message":"namespaces \"nope\" not found","reason":"NotFound","code":404}"""));
        using var client = Client(server);

        var failure = await Task.Run(() => Assert.Throws<RindException>(() => client.ListPods("nope", "app.rind")));

        Assert.EndsWith("(HTTP 404): namespaces \"nope\" not found", failure.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 10_000)]
    public async Task Unaccepted_credentials_are_said_to_be_so()
    {
        await using var server = LoopbackApiServer.Start(_ => ApiResponse.Json(401, """{"kind":"Status","status":"Failure","message":"Unauthorized","reason":"Unauthorized","code":401}"""));
        using var client = Client(server);

        var failure = await Task.Run(() => Assert.Throws<RindException>(() => client.ListPods("shop", "app.rind")));

        Assert.Contains("(HTTP 401): Unauthorized; the kubeconfig's credentials were not accepted", failure.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 10_000)]
    public async Task A_message_with_control_characters_cannot_act_on_the_terminal()
    {
        await using var server = LoopbackApiServer.Start(_ => ApiResponse.Json(403, """{"status":"Failure","message":"no\n\u001b[31mred"}"""));
        using var client = Client(server);

        var failure = await Task.Run(() => Assert.Throws<RindException>(() => client.ListPods("shop", "app.rind")));

        Assert.DoesNotContain('\n', failure.Message);
        Assert.DoesNotContain('\u001b', failure.Message);
    }

    [Fact(Timeout = 10_000)]
    public async Task An_answer_larger_than_rind_reads_is_not_read()
    {
        await using var server = LoopbackApiServer.Start(_ => ApiResponse.Json(200, TwoPods));
        using var client = Client(server, maxResponseLength: 100);

        var failure = await Task.Run(() => Assert.Throws<RindException>(() => client.ListPods("shop", "app.rind")));

        Assert.Contains("more than rind reads", failure.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 10_000)]
    public async Task A_server_that_does_not_answer_in_time_is_named_with_the_limit()
    {
        await using var server = LoopbackApiServer.Start(_ => ApiResponse.Silence());
        using var client = Client(server, callTimeout: TimeSpan.FromMilliseconds(300));

        var failure = await Task.Run(() => Assert.Throws<RindException>(() => client.ListPods("shop", "app.rind")));

        Assert.Contains("did not answer the list of pods in namespace shop within 0.3 s", failure.Message, StringComparison.Ordinal);
        Assert.Contains("RIND_TIMEOUT", failure.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 10_000)]
    public async Task A_server_that_cannot_be_reached_is_named()
    {
        Uri address;
        await using (var stopped = LoopbackApiServer.Start(_ => ApiResponse.Silence()))
        {
            address = stopped.Address;
        }

        using var client = new KubernetesApiClient(new ClusterConnection(Access(address), TimeSpan.FromSeconds(5), new FakeEnvironment()), NullLogger.Instance);

        var failure = await Task.Run(() => Assert.Throws<RindException>(() => client.ListPods("shop", "app.rind")));

        Assert.StartsWith($"cannot reach the cluster at {address.GetLeftPart(UriPartial.Authority)} for the list of pods", failure.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 10_000)]
    public async Task The_exec_offers_v5_then_v4_and_passes_each_word_as_a_command_parameter()
    {
        await using var server = LoopbackApiServer.Start(_ => ApiResponse.Upgrade(ExecSubprotocol.V5, EndWithSuccessAsync));
        using var client = Client(server);

        using var process = (KubernetesExecProcess)await Task.Run(() =>
            client.OpenExec(new PodExecRequest("shop", "web-7d4f", "app", ["printf", "%s\n", "a b", "&c=d"], Stdin: true, Tty: false)));

        var request = Assert.Single(server.Requests);
        Assert.Equal("/api/v1/namespaces/shop/pods/web-7d4f/exec", request.Path);
        Assert.Equal(["printf", "%s\n", "a b", "&c=d"], request.Query("command"));
        Assert.Equal(["app"], request.Query("container"));
        Assert.Equal(["true"], request.Query("stdin"));
        Assert.Equal(["true"], request.Query("stderr"));
        Assert.Equal(["false"], request.Query("tty"));
        Assert.Equal("v5.channel.k8s.io, v4.channel.k8s.io", request.Header("Sec-WebSocket-Protocol"));
        Assert.Equal("Bearer t0ken", request.Header("Authorization"));
        Assert.True(process.CanCloseInput);
        Assert.Equal(0, await Task.Run(() => EndOf(process)));
    }

    [Fact(Timeout = 10_000)]
    public async Task A_terminal_exec_asks_for_no_separate_stderr()
    {
        await using var server = LoopbackApiServer.Start(_ => ApiResponse.Upgrade(ExecSubprotocol.V5, EndWithSuccessAsync));
        using var client = Client(server);

        using var process = await Task.Run(() => client.OpenExec(new PodExecRequest("shop", "web-7d4f", null, ["bash"], Stdin: true, Tty: true)));

        var request = Assert.Single(server.Requests);
        Assert.Equal(["true"], request.Query("tty"));
        Assert.Equal(["false"], request.Query("stderr"));
        Assert.Empty(request.Query("container"));
    }

    [Fact(Timeout = 10_000)]
    public async Task A_server_that_speaks_only_v4_is_kept_as_agreed()
    {
        await using var server = LoopbackApiServer.Start(_ => ApiResponse.Upgrade(ExecSubprotocol.V4, EndWithSuccessAsync));
        using var client = Client(server);

        using var process = (KubernetesExecProcess)await Task.Run(() =>
            client.OpenExec(new PodExecRequest("shop", "web-7d4f", "app", ["true"], Stdin: true, Tty: false)));

        Assert.Equal("WebSocket " + ExecSubprotocol.V4, process.Protocol);
        Assert.False(process.CanCloseInput);
    }

    [Fact(Timeout = 10_000)]
    public async Task A_refused_exec_says_the_servers_own_message_from_the_body_of_its_answer()
    {
        const string forbidden = """{"kind":"Status","status":"Failure","message":"pods \"web-7d4f\" is forbidden: User \"dev\" cannot create resource \"pods/exec\"","reason":"Forbidden","code":403}""";
        await using var server = LoopbackApiServer.Start(_ => ApiResponse.Json(403, forbidden));
        using var client = Client(server);

        var failure = await Task.Run(() => Assert.Throws<RindException>(() =>
            client.OpenExec(new PodExecRequest("shop", "web-7d4f", "app", ["true"], Stdin: true, Tty: false))));

        Assert.EndsWith("refused the exec in pod web-7d4f (HTTP 403): pods \"web-7d4f\" is forbidden: User \"dev\" cannot create resource \"pods/exec\"", failure.Message, StringComparison.Ordinal);
        Assert.Equal(["websocket", "SPDY/3.1"], server.Requests.Select(request => request.Header("Upgrade")));
    }

    [Fact(Timeout = 10_000)]
    public async Task A_refused_exec_without_a_body_says_no_reason_was_given()
    {
        await using var server = LoopbackApiServer.Start(_ => ApiResponse.Raw("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n"));
        using var client = Client(server);

        var failure = await Task.Run(() => Assert.Throws<RindException>(() =>
            client.OpenExec(new PodExecRequest("shop", "web-7d4f", "app", ["true"], Stdin: true, Tty: false))));

        Assert.EndsWith("refused the exec in pod web-7d4f (HTTP 403): no reason given", failure.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 10_000)]
    public async Task A_switch_that_does_not_answer_rinds_key_is_refused_in_one_line()
    {
        await using var server = LoopbackApiServer.Start(_ => ApiResponse.Raw(
            "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
            "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\nSec-WebSocket-Protocol: v5.channel.k8s.io\r\n\r\n"));
        using var client = Client(server);

        var failure = await Task.Run(() => Assert.Throws<RindException>(() =>
            client.OpenExec(new PodExecRequest("shop", "web-7d4f", "app", ["true"], Stdin: true, Tty: false))));

        Assert.Contains("opened the exec in pod web-7d4f as no exec rind speaks", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Sec-WebSocket-Accept", failure.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 10_000)]
    public async Task The_exec_keeps_the_servers_own_path_before_the_api_path()
    {
        await using var server = LoopbackApiServer.Start(_ => ApiResponse.Upgrade(ExecSubprotocol.V5, EndWithSuccessAsync));
        var access = Access(new Uri(server.Address, "/k8s/clusters/c-42/"));
        using var client = new KubernetesApiClient(new ClusterConnection(access, TimeSpan.FromSeconds(5), new FakeEnvironment()), NullLogger.Instance);

        using var process = await Task.Run(() => client.OpenExec(new PodExecRequest("shop", "web-7d4f", null, ["true"], Stdin: false, Tty: false)));

        Assert.Equal("/k8s/clusters/c-42/api/v1/namespaces/shop/pods/web-7d4f/exec", Assert.Single(server.Requests).Path);
        Assert.Equal($"127.0.0.1:{server.Address.Port}", Assert.Single(server.Requests).Header("Host"));
    }

    [Fact(Timeout = 10_000)]
    public async Task A_token_with_a_line_break_is_refused_before_anything_is_sent()
    {
        await using var server = LoopbackApiServer.Start(_ => ApiResponse.Json(200, """{"items":[]}"""));
        var credentials = Mock.Of<IClusterCredentials>(source => source.Get() == new ClusterCredential("t0ken\nX-Injected: 1", null));
        using var client = new KubernetesApiClient(new ClusterConnection(new ClusterAccess(server.Address, "dev", "shop", credentials), TimeSpan.FromSeconds(5), new FakeEnvironment()), NullLogger.Instance);

        var failure = await Task.Run(() => Assert.Throws<RindException>(() => client.ListPods("shop", "app.rind")));

        Assert.Contains("bearer token", failure.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    private static async Task EndWithSuccessAsync(WebSocket socket)
    {
        await socket.SendAsync("\u0003{\"status\":\"Success\"}"u8.ToArray(), WebSocketMessageType.Binary, endOfMessage: true, CancellationToken.None);
        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
    }

    private static long? EndOf(KubernetesExecProcess process)
    {
        var buffer = new byte[1024];
        while (!process.Output.Read(buffer).IsEnd)
        {
            // Only the end is of interest.
        }

        return process.WaitForEnd(TimeSpan.FromSeconds(5)).ExitCode;
    }

    private static ClusterAccess Access(Uri server)
    {
        var credentials = new Mock<IClusterCredentials>();
        credentials.Setup(source => source.Get()).Returns(new ClusterCredential("t0ken", null));
        return new ClusterAccess(server, "dev", "shop", credentials.Object);
    }

    private static KubernetesApiClient Client(LoopbackApiServer server, TimeSpan? callTimeout = null, long maxResponseLength = Http1Client.DefaultMaxResponseLength) =>
        new(new ClusterConnection(Access(server.Address), callTimeout ?? TimeSpan.FromSeconds(5), new FakeEnvironment(), maxResponseLength), NullLogger.Instance);
}
