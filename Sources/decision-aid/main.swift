import DecisionAid

DecisionAidCommand.start()
