namespace Rind.IntegrationTests.Infrastructure.Kubernetes;

/// <summary>The channels of the remote-command protocol: the first byte of every binary message.</summary>
internal static class ExecChannel
{
    public const byte Stdin = 0;
    public const byte Stdout = 1;
    public const byte Stderr = 2;

    /// <summary>The Status that ends the session.</summary>
    public const byte Status = 3;

    /// <summary>Terminal sizes, as JSON objects with Width and Height.</summary>
    public const byte Resize = 4;

    /// <summary>v5 only: the sender is done with the channel in the next byte.</summary>
    public const byte Close = 255;
}
