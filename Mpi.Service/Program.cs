using Mpi.Service.Cli;

return CliCommands.Create().Parse(args).Invoke();
