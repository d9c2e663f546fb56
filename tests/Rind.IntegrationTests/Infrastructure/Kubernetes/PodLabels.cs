namespace Rind.IntegrationTests.Infrastructure.Kubernetes;

/// <summary>Labels for the fake's pods.</summary>
public static class PodLabels
{
    /// <summary>The label rind looks for, as a pod template's <c>app.rind: ""</c> sets it.</summary>
    public static Dictionary<string, string> Rind => new() { ["app.rind"] = "" };

    /// <summary>A label of another kind, for pods rind must pass over.</summary>
    public static Dictionary<string, string> Other => new() { ["tier"] = "back" };
}
