using Socle.BuildingBlocks.Errors;

namespace Socle.Directory.Domain;

/// <summary>The Directory module's error catalogue; codes are stable and documented in the module README.</summary>
internal static class DirectoryErrors
{
    public static readonly DomainError FileNotFound = new("DIR-0001", ErrorKind.Validation, "An extract file does not exist.");
    public static readonly DomainError NotFound = new("DIR-0002", ErrorKind.NotFound, "No such resource in the directory.");
    public static readonly DomainError NoFiles = new("DIR-0003", ErrorKind.Validation, "Give at least one extract file.");
}
