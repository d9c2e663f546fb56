namespace Rind.Cli;

/// <summary>Whether the command gets a terminal.</summary>
internal enum TtyMode
{
    /// <summary>When both stdin and stdout are terminals.</summary>
    Auto,

    /// <summary>Always (-t); stdin must be a terminal.</summary>
    Always,

    /// <summary>Never (-T).</summary>
    Never,
}
