using System.Text.Json;
using Rind.Docker.DevContainers;

namespace Rind.Tests.Docker.DevContainers;

/// <summary>How the label devcontainer.metadata's entries merge into the settings commands run with.</summary>
public sealed class DevContainerMetadataTests
{
    [Fact]
    public void The_last_entry_that_sets_a_user_or_a_probe_wins_and_remoteEnv_merges_key_by_key()
    {
        var metadata = DevContainerMetadata.Parse(
            """
            [
              {"id": "ghcr.io/devcontainers/features/node:1", "remoteUser": "node", "remoteEnv": {"A": "image", "B": "image"}},
              {"containerUser": "app", "userEnvProbe": "loginShell"},
              {"remoteUser": "vscode", "remoteEnv": {"B": "config", "C": null}}
            ]
            """);

        Assert.Equal("vscode", metadata.RemoteUser);
        Assert.Equal("app", metadata.ContainerUser);
        Assert.Equal("vscode", metadata.User);
        Assert.Equal(UserEnvProbe.LoginShell, metadata.Probe);
        Assert.Equal(new Dictionary<string, string?> { ["A"] = "image", ["B"] = "config", ["C"] = null }, metadata.RemoteEnv);
    }

    [Fact]
    public void Without_remoteUser_commands_run_as_containerUser()
    {
        Assert.Equal("app", DevContainerMetadata.Parse("""[{"containerUser": "app"}, {"remoteUser": " "}]""").User);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("[]")]
    public void No_metadata_means_the_images_user_and_a_login_interactive_shells_environment(string? label)
    {
        var metadata = DevContainerMetadata.Parse(label);

        Assert.Null(metadata.User);
        Assert.Empty(metadata.RemoteEnv);
        Assert.Equal(UserEnvProbe.LoginInteractiveShell, metadata.Probe);
    }

    [Fact]
    public void Metadata_written_as_one_object_is_read_as_one_entry()
    {
        Assert.Equal("dev", DevContainerMetadata.Parse("""{"remoteUser": "dev"}""").User);
    }

    [Theory]
    [InlineData("none", nameof(UserEnvProbe.None))]
    [InlineData("interactiveShell", nameof(UserEnvProbe.InteractiveShell))]
    [InlineData("loginInteractiveShell", nameof(UserEnvProbe.LoginInteractiveShell))]
    [InlineData("something new", nameof(UserEnvProbe.LoginInteractiveShell))]
    public void The_probe_is_the_one_named_or_the_default(string value, string expected)
    {
        Assert.Equal(expected, DevContainerMetadata.Parse($$"""[{"userEnvProbe": "{{value}}"}]""").Probe.ToString());
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""[{"remoteUser": 42}]""")]
    [InlineData("""[{"remoteEnv": ["A=1"]}]""")]
    public void A_label_that_is_not_the_tools_json_is_refused(string label)
    {
        Assert.ThrowsAny<JsonException>(() => DevContainerMetadata.Parse(label));
    }

    [Fact]
    public void A_label_larger_than_rind_reads_is_refused_unread()
    {
        var label = $$$"""[{"remoteEnv": {"A": "{{{new string('x', DevContainerMetadata.MaxLength)}}}"}}]""";

        Assert.ThrowsAny<JsonException>(() => DevContainerMetadata.Parse(label));
    }
}
