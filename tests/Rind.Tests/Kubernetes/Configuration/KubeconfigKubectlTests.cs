using System.Text;
using System.Text.Json;
using Rind.Kubernetes.Configuration;
using Rind.Tests.Processes;

namespace Rind.Tests.Kubernetes.Configuration;

/// <summary>
/// Kubeconfigs as kubectl, other tools and hand edits write them, each read by the real kubectl
/// (<c>kubectl config view --minify --raw -o json</c>) and by rind: both take the same context, server,
/// namespace and credentials, or both refuse the file, rind in one line naming the file and the line.
/// </summary>
public sealed class KubeconfigKubectlTests : IDisposable
{
    private const string Cluster = """
        clusters:
        - name: lab
          cluster:
            server: https://lab.example:6443
        """;

    private const string ShopContext = """
        contexts:
        - name: dev
          context:
            cluster: lab
            user: alice
            namespace: shop
        current-context: dev
        """;

    private const string Plain = $"""
        apiVersion: v1
        kind: Config
        {Cluster}
        {ShopContext}
        users:
        - name: alice
          user:
            token: alice-token
        """;

    private static readonly TimeSpan KubectlTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Shapes kubectl reads: their files, in KUBECONFIG's order.</summary>
    private static readonly Dictionary<string, byte[][]> Read = new()
    {
        ["plain block style"] = [Utf8(Plain)],
        ["json as kubectl config view writes it"] = [Utf8("""
            {
                "kind": "Config",
                "apiVersion": "v1",
                "preferences": {},
                "clusters": [{"name": "lab", "cluster": {"server": "https://lab.example:6443", "certificate-authority-data": "UEVN"}}],
                "users": [{"name": "alice", "user": {"client-certificate-data": "Q0VSVA==", "client-key-data": "S0VZ"}}],
                "contexts": [{"name": "dev", "context": {"cluster": "lab", "user": "alice", "namespace": "shop"}}],
                "current-context": "dev"
            }
            """)],
        ["flow style"] = [Utf8("""
            apiVersion: v1
            preferences: {}
            clusters: [{name: lab, cluster: {server: 'https://lab.example:6443', insecure-skip-tls-verify: true}}]
            contexts: [{name: dev, context: {cluster: lab, user: u, namespace: shop}}]
            users: [{name: u, user: {token: t0ken}}]
            current-context: dev
            """)],
        ["comments after values and at the start of lines"] = [Utf8("""
            # written by hand
            apiVersion: v1 # the version
            clusters:
            # the lab
            - name: lab # its name
              cluster:
            # at the start of a line, inside
                server: https://lab.example:6443 # the server
            contexts:
            - context:
                cluster: lab
            # between keys
                user: alice
                namespace: shop
              name: dev
            current-context: dev # the one in use
            users:
            - name: alice
              user:
                token: "t#not-a-comment" # a comment
                tokenFile: token#file
            # the last line
            """)],
        ["windows line ends"] = [Utf8(Plain.Replace("\n", "\r\n", StringComparison.Ordinal) + "\r\n")],
        ["a utf-8 byte order mark"] = [[.. Encoding.UTF8.Preamble, .. Utf8(Plain)]],
        ["utf-16 little-endian with a byte order mark"] = [[.. Encoding.Unicode.Preamble, .. Encoding.Unicode.GetBytes(Plain)]],
        ["utf-16 big-endian with a byte order mark"] = [[.. Encoding.BigEndianUnicode.Preamble, .. Encoding.BigEndianUnicode.GetBytes(Plain)]],
        ["document start and end markers"] = [Utf8($"---\n{Plain}\n...\n")],
        ["a second document, of which only the first is read"] = [Utf8($"{Plain}\n---\ncurrent-context: other\nusers: [unclosed\n")],
        ["single and double quotes with escapes"] = [Utf8("""
            "clusters":
            - 'name': "lab"
              "cluster": {'server': "https://lab.example:6443/\x61pi"}
            contexts:
            - name: 'it''s dev'
              context: {cluster: "lab", user: "al\u00efce", namespace: "sh\
                op"}
            current-context: 'it''s dev'
            users:
            - name: "alïce"
              user: {token: "a\"b\\c\td"}
            """)],
        ["block scalars and a plain value over several lines"] = [Utf8($"""
            {Cluster}
            {ShopContext}
            users:
            - name: alice
              user:
                client-certificate-data: |
                  Q0VS
                  VA==
                client-key-data: |-
                  S0VZ
                token: >
                  folded
                  token
                exec:
                  apiVersion: client.authentication.k8s.io/v1
                  command: get-token
                  args:
                  - --cluster
                    lab
                    east
                  interactiveMode: Never
            """)],
        ["four-space indentation and list items under their key"] = [Utf8("""
            clusters:
                -   name: lab
                    cluster:
                        server: https://lab.example:6443
            contexts:
                - name: dev
                  context:
                      cluster: lab
                      user: alice
            current-context: dev
            users:
            -   name: alice
                user:
                    exec:
                        apiVersion: client.authentication.k8s.io/v1
                        command: ./bin/login
                        args:
                        - one
                        -   two
                        env:
                            - name: A
                              value: b
                        interactiveMode: IfAvailable
            """)],
        ["null tilde and empty values"] = [Utf8("""
            apiVersion: v1
            preferences:
            clusters:
            - name: lab
              cluster:
                server: https://lab.example:6443
                certificate-authority: ~
                proxy-url: null
            contexts:
            - name: dev
              context:
                cluster: lab
                user: alice
                namespace:
            current-context: dev
            users:
            - name: alice
              user:
                token: ~
                tokenFile: null
                exec:
                  apiVersion: client.authentication.k8s.io/v1
                  command: login
                  args: [a, ~, null, ""]
                  env: [{name: EMPTY}, null]
                  interactiveMode: Never
            """)],
        ["unknown fields and minikube extensions"] = [Utf8("""
            apiVersion: v1
            kind: Config
            preferences: {colors: true}
            clusters:
            - cluster:
                certificate-authority: /home/dev/.minikube/ca.crt
                extensions:
                - extension:
                    last-update: Mon, 01 Jan 2024 10:00:00 UTC
                    provider: minikube.sigs.k8s.io
                    version: v1.32.0
                  name: cluster_info
                server: https://192.168.49.2:8443
              name: minikube
            contexts:
            - context:
                cluster: minikube
                extensions:
                - extension: {provider: minikube.sigs.k8s.io}
                  name: context_info
                namespace: default
                user: minikube
              name: minikube
            current-context: minikube
            unknown-top-level: {a: [1, 2]}
            users:
            - name: minikube
              user:
                client-certificate: /home/dev/.minikube/profiles/minikube/client.crt
                client-key: /home/dev/.minikube/profiles/minikube/client.key
                some-future-field: 3
            """)],
        ["an eks exec user"] = [Utf8("""
            apiVersion: v1
            clusters:
            - cluster:
                certificate-authority-data: UEVN
                server: https://ABCDEF0123456789.gr7.eu-west-1.eks.amazonaws.com
              name: arn:aws:eks:eu-west-1:123456789012:cluster/shop
            contexts:
            - context:
                cluster: arn:aws:eks:eu-west-1:123456789012:cluster/shop
                user: arn:aws:eks:eu-west-1:123456789012:cluster/shop
              name: arn:aws:eks:eu-west-1:123456789012:cluster/shop
            current-context: arn:aws:eks:eu-west-1:123456789012:cluster/shop
            kind: Config
            preferences: {}
            users:
            - name: arn:aws:eks:eu-west-1:123456789012:cluster/shop
              user:
                exec:
                  apiVersion: client.authentication.k8s.io/v1beta1
                  args:
                  - --region
                  - eu-west-1
                  - eks
                  - get-token
                  - --cluster-name
                  - shop
                  - --output
                  - json
                  command: aws
                  env: null
                  interactiveMode: IfAvailable
                  provideClusterInfo: false
            """)],
        ["a gke exec user"] = [Utf8("""
            apiVersion: v1
            clusters:
            - cluster:
                certificate-authority-data: UEVN
                server: https://34.1.2.3
              name: gke_project_europe-west1_shop
            contexts:
            - context:
                cluster: gke_project_europe-west1_shop
                user: gke_project_europe-west1_shop
              name: gke_project_europe-west1_shop
            current-context: gke_project_europe-west1_shop
            kind: Config
            preferences: {}
            users:
            - name: gke_project_europe-west1_shop
              user:
                exec:
                  apiVersion: client.authentication.k8s.io/v1beta1
                  command: gke-gcloud-auth-plugin
                  installHint: Install gke-gcloud-auth-plugin for use with kubectl by following
                    https://cloud.google.com/kubernetes-engine/docs/how-to/cluster-access-for-kubectl#install_plugin
                  provideClusterInfo: true
            """)],
        ["oc login names"] = [Utf8("""
            apiVersion: v1
            clusters:
            - cluster:
                insecure-skip-tls-verify: true
                server: https://api.crc.testing:6443
              name: api-crc-testing:6443
            contexts:
            - context:
                cluster: api-crc-testing:6443
                namespace: default
                user: kubeadmin/api-crc-testing:6443
              name: default/api-crc-testing:6443/kubeadmin
            current-context: default/api-crc-testing:6443/kubeadmin
            kind: Config
            preferences: {}
            users:
            - name: kubeadmin/api-crc-testing:6443
              user:
                token: sha256~abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG
            """)],
        ["context names with spaces and non-ascii letters"] = [Utf8("""
            clusters:
            - name: Ünïcode lab
              cluster: {server: "https://lab.example:6443"}
            contexts:
            - name: my dev context
              context: {cluster: Ünïcode lab, user: José, namespace: café}
            - name: 開発
              context: {cluster: Ünïcode lab}
            current-context: my dev context
            users:
            - name: José
              user: {token: jose-token}
            """)],
        ["two files, one with the context and one with the user"] = [
            Utf8($"{Cluster}\n{ShopContext}\nusers:\n- name: alice\n  user: {{token: first-wins}}\n"),
            Utf8("current-context: other\nusers:\n- name: alice\n  user: {token: second}\n- name: bob\n  user: {token: bob}\n"),
        ],
        ["anchors aliases and a merge key"] = [Utf8("""
            clusters:
            - name: base
              cluster: &base
                server: https://base.example:6443
                tls-server-name: base
            - name: lab
              cluster:
                <<: *base
                server: https://lab.example:6443
            contexts:
            - name: dev
              context: &context {cluster: lab, user: alice, namespace: shop}
            - name: copy
              context: *context
            current-context: dev
            users:
            - name: alice
              user:
                exec: &exec
                  apiVersion: client.authentication.k8s.io/v1
                  command: login
                  args: &args [--a, --b]
                  interactiveMode: Never
            - name: bob
              user:
                exec:
                  <<: *exec
                  args: *args
            """)],
        ["a repeated key"] = [Utf8($$"""
            current-context: nothing
            {{Cluster}}
                server: https://repeated.example:6443
            contexts:
            - name: dev
              context: {cluster: lab, user: alice, namespace: first, namespace: shop}
            users:
            - name: alice
              user:
                token: first
                token: second
            current-context: dev
            """)],
    };

    /// <summary>Shapes kubectl refuses, with the line rind names.</summary>
    private static readonly Dictionary<string, (byte[] File, int Line)> Refused = new()
    {
        ["utf-16 without a byte order mark"] = (Encoding.Unicode.GetBytes(Plain), 1),
        ["bytes that are not utf-8"] = ([.. Utf8("current-context: dev\ntoken: "), 0xFF, 0xFE, (byte)'\n'], 2),
        ["a control character"] = (Utf8("current-context: dev\nx: a\u007fb\n"), 2),
        ["base64 folded over lines as a plain value"] = (Utf8("users:\n- name: a\n  user:\n    client-key-data: UEVN\n      UEVN\n"), 4),
        ["base64 in a folded block"] = (Utf8("users:\n- name: a\n  user:\n    client-key-data: >\n      UEVN\n      UEVN\n"), 4),
        ["a value continued after a comment"] = (Utf8("current-context: dev\n# a comment\n  more\n"), 3),
        ["an unquoted number as a token"] = (Utf8("users:\n- name: a\n  user: {token: 12345}\n"), 3),
        ["an unquoted boolean as a name"] = (Utf8("contexts:\n- name: dev\n  context: {cluster: lab}\n- name: y\n  context: {cluster: lab}\n"), 4),
        ["a name twice in a list"] = (Utf8("contexts:\n- name: dev\n  context: {cluster: a}\n- name: dev\n  context: {cluster: b}\n"), 4),
        ["an alias without its anchor"] = (Utf8("current-context: *dev\n"), 1),
        ["a merge key on a text value"] = (Utf8("clusters:\n- name: lab\n  cluster:\n    <<: text\n"), 4),
        ["aliases that grow without bound"] = (Utf8(Laughs()), 6),
        ["yaml 1.2"] = (Utf8("%YAML 1.2\n---\ncurrent-context: dev\n"), 1),
        ["a tab as indentation"] = (Utf8("clusters:\n\t- name: lab\n"), 2),
    };

    private readonly KubeconfigFolder _folder = new();

    public static TheoryData<string> ReadShapes => [.. Read.Keys];

    public static TheoryData<string> RefusedShapes => [.. Refused.Keys];

    public void Dispose() => _folder.Dispose();

    [Theory(Timeout = 60_000)]
    [MemberData(nameof(ReadShapes))]
    public async Task Rind_takes_the_same_server_user_and_namespace_as_kubectl_from_a_kubeconfig_kubectl_reads(string shape)
    {
        var files = Read[shape].Select((content, index) => Write(index == 0 ? "config" : $"config-{index}", content)).ToList();

        await AssertReadAlikeAsync(string.Join(':', files));
    }

    [Theory(Timeout = 60_000)]
    [MemberData(nameof(RefusedShapes))]
    public async Task Rind_refuses_a_kubeconfig_kubectl_refuses_in_one_line_naming_the_file_and_line(string shape)
    {
        var (content, line) = Refused[shape];
        var file = Write("config", content);

        var kubectl = await KubectlAsync(file, "config", "view", "--minify", "--raw", "-o", "json");
        var message = _folder.Refusal(file);

        Assert.NotEqual(0, kubectl.ExitCode);
        Assert.StartsWith($"error: error loading config file \"{file}\": ", kubectl.Stderr, StringComparison.Ordinal);
        Assert.StartsWith($"cannot read the kubeconfig {file}: ", message, StringComparison.Ordinal);
        Assert.Contains($"line {line}", message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', message);
    }

    [Fact(Timeout = 60_000)]
    public async Task Rind_reads_what_kubectl_config_commands_write_and_its_json_view_of_it_as_kubectl_does()
    {
        var file = _folder.PathOf("written");
        var certificate = _folder.Write("client.crt", "CERT");
        var key = _folder.Write("client.key", "KEY");
        string[][] commands =
        [
            ["set-cluster", "lab", "--server=https://lab.example:6443", "--insecure-skip-tls-verify=true"],
            ["set-credentials", "alice", "--token=alice-token"],
            ["set-credentials", "bob", $"--client-certificate={certificate}", $"--client-key={key}", "--embed-certs=true"],
            ["set-credentials", "carol", "--exec-api-version=client.authentication.k8s.io/v1beta1", "--exec-command=aws", "--exec-arg=eks", "--exec-arg=get-token", "--exec-env=AWS_PROFILE=shop"],
            ["set-context", "dev", "--cluster=lab", "--user=alice", "--namespace=shop"],
            ["set-context", "certificate", "--cluster=lab", "--user=bob"],
            ["set-context", "plugin", "--cluster=lab", "--user=carol", "--namespace=aws"],
        ];
        foreach (var command in commands)
        {
            Assert.Equal(0, (await KubectlAsync(file, ["config", .. command])).ExitCode);
        }

        foreach (var context in new[] { "certificate", "plugin", "dev" })
        {
            Assert.Equal(0, (await KubectlAsync(file, "config", "use-context", context)).ExitCode);
            await AssertReadAlikeAsync(file);
        }

        var view = await KubectlAsync(file, "config", "view", "--raw", "-o", "json");
        await AssertReadAlikeAsync(Write("view.json", Utf8(view.Stdout)));
    }

    private async Task AssertReadAlikeAsync(string kubeconfig)
    {
        var kubectl = await KubectlAsync(kubeconfig, "config", "view", "--minify", "--raw", "-o", "json");
        Assert.True(kubectl.ExitCode == 0, kubectl.Stderr);

        var selection = KubeconfigResolver.Select(_folder.Environment(kubeconfig), contextName: null, namespaceName: null);

        Assert.Equal(KubectlSees(kubectl.Stdout), RindSees(selection));
    }

    /// <summary>What kubectl takes, with the paths it shows as written made absolute against the files' folder, as kubectl uses them.</summary>
    private List<string> KubectlSees(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var context = root.GetProperty("contexts")[0].GetProperty("context");
        var user = root.TryGetProperty("users", out var users) && users.GetArrayLength() > 0 ? users[0].GetProperty("user") : default;
        var seen = new List<string>
        {
            $"context={root.GetProperty("current-context").GetString()}",
            $"server={root.GetProperty("clusters")[0].GetProperty("cluster").GetProperty("server").GetString()}",
            $"namespace={(context.TryGetProperty("namespace", out var name) ? name.GetString() : KubeconfigSelector.DefaultNamespace)}",
            $"token={Field(user, "token")}",
            $"tokenFile={Absolute(Field(user, "tokenFile"))}",
            $"client-certificate={Absolute(Field(user, "client-certificate"))}",
            $"client-certificate-data={Field(user, "client-certificate-data")}",
            $"client-key={Absolute(Field(user, "client-key"))}",
            $"client-key-data={Field(user, "client-key-data")}",
        };
        if (user.ValueKind == JsonValueKind.Object && user.TryGetProperty("exec", out var exec))
        {
            var command = Field(exec, "command");
            seen.Add($"exec.command={(command.Contains('/', StringComparison.Ordinal) ? Absolute(command) : command)}");
            seen.Add($"exec.apiVersion={Field(exec, "apiVersion")}");
            seen.Add($"exec.args=[{string.Join('|', Items(exec, "args").Select(arg => arg.GetString()))}]");
            seen.Add($"exec.env=[{string.Join('|', Items(exec, "env").Select(variable => $"{Field(variable, "name")}={Field(variable, "value")}"))}]");
            seen.Add($"exec.interactiveMode={Field(exec, "interactiveMode")}");
            seen.Add($"exec.provideClusterInfo={exec.TryGetProperty("provideClusterInfo", out var provide) && provide.GetBoolean()}");
        }

        return seen;
    }

    private static List<string> RindSees(KubeconfigSelection selection)
    {
        var user = selection.User;
        var seen = new List<string>
        {
            $"context={selection.ContextName}",
            $"server={selection.Cluster.Server}",
            $"namespace={selection.Namespace}",
            $"token={user.Token}",
            $"tokenFile={user.TokenFile}",
            $"client-certificate={user.ClientCertificate}",
            $"client-certificate-data={Base64(user.ClientCertificateData)}",
            $"client-key={user.ClientKey}",
            $"client-key-data={Base64(user.ClientKeyData)}",
        };
        if (user.Exec is { } exec)
        {
            seen.Add($"exec.command={exec.Command}");
            seen.Add($"exec.apiVersion={exec.ApiVersion}");
            seen.Add($"exec.args=[{string.Join('|', exec.Args)}]");
            seen.Add($"exec.env=[{string.Join('|', exec.Env.Select(variable => $"{variable.Key}={variable.Value}"))}]");

            // kubectl shows v1beta1's default mode; rind applies it when it runs the plugin.
            var mode = string.IsNullOrEmpty(exec.InteractiveMode) && exec.ApiVersion == ExecPluginRules.V1Beta1 ? ExecPluginRules.IfAvailable : exec.InteractiveMode;
            seen.Add($"exec.interactiveMode={mode}");
            seen.Add($"exec.provideClusterInfo={exec.ProvideClusterInfo}");
        }

        return seen;
    }

    private static string Field(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : "";

    private static IEnumerable<JsonElement> Items(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array ? value.EnumerateArray() : [];

    private static string Base64(byte[]? data) => data is null ? "" : Convert.ToBase64String(data);

    private string Absolute(string path) => path.Length == 0 ? "" : Path.Combine(_folder.Root, path);

    private string Write(string name, byte[] content)
    {
        var path = _folder.PathOf(name);
        File.WriteAllBytes(path, content);
        return path;
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>Ten aliases of ten aliases, nine times over: a billion nodes from a few hundred bytes.</summary>
    private static string Laughs()
    {
        var text = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var level = 1; level < 10; level++)
        {
            text.Append($"a{level}: &a{level} [{string.Join(", ", Enumerable.Repeat($"*a{level - 1}", 10))}]\n");
        }

        return text.ToString();
    }

    /// <summary>Runs kubectl with only the kubeconfig and a home of the test's own.</summary>
    private async Task<(int ExitCode, string Stdout, string Stderr)> KubectlAsync(string kubeconfig, params string[] arguments)
    {
        var result = await ChildProcess.RunAsync(
            "kubectl",
            arguments,
            new Dictionary<string, string?>
            {
                ["PATH"] = Environment.GetEnvironmentVariable("PATH"),
                ["HOME"] = _folder.PathOf("home"),
                ["KUBECONFIG"] = kubeconfig,
            },
            onlyThese: true,
            timeout: KubectlTimeout);
        return (result.ExitCode, result.Stdout, result.Stderr);
    }
}
