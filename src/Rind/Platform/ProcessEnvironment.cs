namespace Rind.Platform;

internal sealed class ProcessEnvironment : IEnvironment
{
    public string? GetVariable(string name) => Environment.GetEnvironmentVariable(name);

    public string? CurrentDirectory
    {
        get
        {
            try
            {
                return Directory.GetCurrentDirectory();
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                return null;
            }
        }
    }
}
