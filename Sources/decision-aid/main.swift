import DecisionAid

DecisionAidCommand.main()
