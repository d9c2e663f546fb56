namespace Rind.Cli;

internal enum InvocationAction
{
    Run,
    ShowHelp,
    ShowVersion,
    ShowCompletion,
}
