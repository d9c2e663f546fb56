namespace Rind.Cli;

/// <summary>
/// One of rind's options: its names, whether it takes a value, and what it sets.
/// </summary>
internal sealed record OptionSpec(char? ShortName, string LongName, bool TakesValue, Func<Invocation, string?, Invocation> Apply)
{
    public string Display => "--" + LongName;
}
