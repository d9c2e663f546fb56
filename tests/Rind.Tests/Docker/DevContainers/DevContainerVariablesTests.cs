using Rind.Docker.DevContainers;

namespace Rind.Tests.Docker.DevContainers;

/// <summary>The spec's variables in remoteEnv's values.</summary>
public sealed class DevContainerVariablesTests
{
    private static readonly DevContainerVariables Variables = new(
        name => name switch { "HOME" => "/home/me", "EMPTY" => "", _ => null },
        name => name switch { "PATH" => "/usr/bin:/bin", _ => null },
        "/home/me/shop",
        "/workspaces/shop");

    [Theory]
    [InlineData("${containerEnv:PATH}:/opt/bin", "/usr/bin:/bin:/opt/bin")]
    [InlineData("${localEnv:HOME}/.cache", "/home/me/.cache")]
    [InlineData("${env:HOME}", "/home/me")]
    [InlineData("[${localEnv:MISSING}]", "[]")]
    [InlineData("${localEnv:MISSING:fallback}", "fallback")]
    [InlineData("${containerEnv:MISSING:a:b}", "a:b")]
    [InlineData("${localEnv:EMPTY:unused}", "")]
    [InlineData("${localWorkspaceFolder}|${localWorkspaceFolderBasename}", "/home/me/shop|shop")]
    [InlineData("${containerWorkspaceFolder}|${containerWorkspaceFolderBasename}", "/workspaces/shop|shop")]
    public void Known_variables_are_replaced(string value, string expected)
    {
        Assert.Equal(expected, Variables.Substitute(value));
    }

    [Theory]
    [InlineData("${devcontainerId}")]
    [InlineData("$HOME and ${HOME}")]
    [InlineData("unclosed ${localEnv:HOME")]
    [InlineData("plain")]
    public void Anything_else_stays_as_it_is(string value)
    {
        Assert.Equal(value, Variables.Substitute(value));
    }

    [Fact]
    public void The_containers_folder_stays_a_variable_where_it_is_not_known()
    {
        var variables = new DevContainerVariables(_ => null, _ => null, "/home/me/shop", containerWorkspaceFolder: null);

        Assert.Equal("${containerWorkspaceFolder}", variables.Substitute("${containerWorkspaceFolder}"));
    }
}
