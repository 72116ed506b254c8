from planner.main import main

main()
